// Package prosetag tags English sentences with parts of speech and finds
// their named entities as prose does, without prose's cost per word.
//
// It re-implements three parts of github.com/jdkato/prose/v2 at v2.0.0 (the
// version in go.mod; a new prose version needs TestWordsMatchProse,
// TestTaggerMatchesProse and TestEntitiesMatchProse run again):
//
//   - the tokenizer (iterTokenizer and doSplit in prose's tokenize.go), with
//     prose's quote sanitizer, internal patterns and list of emoticons
//     copied in (words.go);
//   - the averaged-perceptron part-of-speech tagger (tag.go), reading its
//     weights from prose's embedded assets model/AveragedPerceptron/
//     classes.gob, tags.gob and weights.gob (postag.go);
//   - the maximum-entropy entity classifier and its chunking (extract.go),
//     reading model/Maxent/labels.gob, mapping.gob and weights.gob
//     (ner.go).
//
// The features, the order scores are summed in and prose's quirks are
// kept; what differs is the layout (weights found by a feature's value
// alone, scores in arrays, no string built per feature or regular
// expression run per word). The deliberate differences from prose:
//
//   - where two classes score exactly the same, the tagger picks the first;
//     prose picks one at random by map order;
//   - a word that occurs twice in a sentence is tagged in each place on its
//     own context; prose hands every copy of a repeated stretch one token
//     and so the tag of the last copy.
//
// The fallback: what the fast taggers cannot decide, they hand to prose
// itself. That is a sentence with a word that may be one of prose's
// emoticons (tagged from a list not copied here), and a name whose label
// prose's list of basic English words (which prose does not export) could
// change, or that prose's chunking would fail on. prose's own model, some
// 46 MB of maps, is loaded by a Tagger the first time it is needed
// (Tagger.ModelLoaded); for the fixtures and generated articles it never is.
//
// Only package extract uses it, through Tagger and TagFast.
package prosetag

package extract

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minHTMLParagraphWords is how many words the longest paragraph of a page
// must have for the page to hold an article: menus, buttons and "enable
// JavaScript" notes have fewer.
const minHTMLParagraphWords = 8

// isHTML reports whether text is an HTML page, as a browser saves one:
// after white space and comments (browsers add "saved from url" comments),
// a doctype or an <html> tag.
func isHTML(text string) bool {
	s := strings.TrimLeft(text, " \t\r\n")
	for strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+3:], " \t\r\n")
	}
	s = strings.ToLower(s[:min(len(s), 15)])
	return strings.HasPrefix(s, "<!doctype html") || strings.HasPrefix(s, "<html")
}

// htmlArticle reads an article from an HTML page: the title from og:title
// or <title>, the date from article:published_time, datePublished or a
// <time datetime>, the source from og:site_name, and the body from the
// article's paragraphs, without scripts, navigation, forms and the page's
// furniture (menus, cookie notices, share buttons, related links,
// comments). Paragraphs are separated by blank lines. detail says what is
// wrong when the page holds no article text.
func htmlArticle(name, text string) (a Article, detail string) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return Article{}, fmt.Sprintf("HTML: %v", err)
	}
	a = Article{File: name, Source: name}
	var m pageMeta
	m.read(doc)
	a.Title = cmp.Or(m.ogTitle, m.title)
	if m.siteName != "" {
		a.Source = m.siteName
	}
	a.URL = cmp.Or(m.ogURL, m.canonical)
	for _, d := range []string{m.published, m.ldPublished, m.timeTag} {
		if p, ok := htmlDate(d); ok {
			a.Published = p
			break
		}
	}

	var paras []string
	collectText(articleRoot(doc), &paras, &strings.Builder{}, false)
	if len(paras) > 0 && a.Title != "" && strings.EqualFold(paras[0], a.Title) {
		paras = paras[1:] // the headline again
	}
	words := 0
	for _, p := range paras {
		words = max(words, len(strings.Fields(p)))
	}
	if words < minHTMLParagraphWords {
		return Article{}, fmt.Sprintf("HTML page with nothing readable outside scripts, menus and forms (longest paragraph: %d words)", words)
	}
	a.Body = strings.Join(paras, "\n\n") + "\n"
	return a, ""
}

// pageMeta is what a page's head and markup say about the article.
type pageMeta struct {
	title, ogTitle, siteName, ogURL, canonical string
	published, ldPublished, timeTag            string
}

var ldDatePublished = regexp.MustCompile(`"datePublished"\s*:\s*"([^"]+)"`)

func (m *pageMeta) read(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Title:
			if m.title == "" {
				m.title = oneLine(textOf(n))
			}
		case atom.Meta:
			key := strings.ToLower(cmp.Or(attrOf(n, "property"), attrOf(n, "name"), attrOf(n, "itemprop")))
			val := oneLine(attrOf(n, "content"))
			switch key {
			case "og:title":
				m.ogTitle = cmp.Or(m.ogTitle, val)
			case "og:site_name":
				m.siteName = cmp.Or(m.siteName, val)
			case "og:url":
				m.ogURL = cmp.Or(m.ogURL, val)
			case "article:published_time", "datepublished":
				m.published = cmp.Or(m.published, val)
			}
		case atom.Link:
			if strings.EqualFold(attrOf(n, "rel"), "canonical") {
				m.canonical = cmp.Or(m.canonical, attrOf(n, "href"))
			}
		case atom.Script:
			if strings.EqualFold(attrOf(n, "type"), "application/ld+json") && m.ldPublished == "" {
				if sm := ldDatePublished.FindStringSubmatch(textOf(n)); sm != nil {
					m.ldPublished = sm[1]
				}
			}
		case atom.Time:
			if m.timeTag == "" {
				m.timeTag = attrOf(n, "datetime")
			}
		}
		if strings.EqualFold(attrOf(n, "itemprop"), "datePublished") && n.DataAtom != atom.Meta {
			m.published = cmp.Or(m.published, attrOf(n, "datetime"), attrOf(n, "content"))
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.read(c)
	}
}

// htmlDate reads a page's date: YYYY-MM-DD, RFC 3339, or a date-time whose
// first ten characters are a date.
func htmlDate(v string) (string, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", false
	}
	if d, err := parsePublished(v); err == nil {
		return d, true
	}
	if len(v) >= 10 {
		if t, err := time.Parse(time.DateOnly, v[:10]); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// articleRoot picks the element that holds the article: the one marked
// articleBody, else the <article> with the most text, else <main>, else
// <body>.
func articleRoot(doc *html.Node) *html.Node {
	var body, main, marked, best *html.Node
	bestLen := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch {
			case marked == nil && strings.EqualFold(attrOf(n, "itemprop"), "articleBody"):
				marked = n
			case n.DataAtom == atom.Article:
				if l := len(textOf(n)); l > bestLen {
					best, bestLen = n, l
				}
			case n.DataAtom == atom.Main && main == nil:
				main = n
			case n.DataAtom == atom.Body && body == nil:
				body = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, n := range []*html.Node{marked, best, main, body} {
		if n != nil {
			return n
		}
	}
	return doc
}

// dropped are the elements that hold no article text.
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Iframe: true, atom.Svg: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Head: true, atom.Title: true,
}

// furniture are words in a class or id that mark the page's furniture
// rather than the article. Bylines are furniture too: their dates are the
// page's, not the story's.
var furniture = []string{"nav", "menu", "footer", "cookie", "subscribe", "newsletter", "share", "related", "comment", "byline"}

// isFurniture reports whether an element is navigation, a notice or the
// like, by its tag, its class or id, or its being hidden.
func isFurniture(n *html.Node) bool {
	if dropped[n.DataAtom] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attrOf(n, "aria-hidden"), "true") {
		return true
	}
	switch strings.ToLower(attrOf(n, "role")) {
	case "navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "dialog", "alertdialog":
		return true
	}
	for _, word := range strings.FieldsFunc(strings.ToLower(attrOf(n, "class")+" "+attrOf(n, "id")), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	}) {
		for _, f := range furniture {
			if strings.HasPrefix(word, f) || strings.HasSuffix(word, f) {
				return true
			}
		}
	}
	return false
}

// blockElements are the elements that start and end a paragraph.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true, atom.Body: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true,
	atom.Figure: true, atom.Figcaption: true, atom.Address: true, atom.Hr: true, atom.Br: true,
}

// collectText appends n's text to paras, one entry per paragraph, with
// white space collapsed except in <pre>.
func collectText(n *html.Node, paras *[]string, cur *strings.Builder, pre bool) {
	flush := func() {
		if p := strings.TrimSpace(cur.String()); p != "" {
			*paras = append(*paras, p)
		}
		cur.Reset()
	}
	switch n.Type {
	case html.TextNode:
		if pre {
			cur.WriteString(n.Data)
			return
		}
		s := strings.Join(strings.Fields(n.Data), " ")
		if s == "" {
			if n.Data != "" && cur.Len() > 0 {
				cur.WriteByte(' ')
			}
			return
		}
		if startsWithSpace(n.Data) && cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(s)
		if endsWithSpace(n.Data) {
			cur.WriteByte(' ')
		}
		return
	case html.ElementNode:
		if isFurniture(n) {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockElements[n.DataAtom]
	if block {
		flush()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		collectText(c, paras, cur, pre || n.DataAtom == atom.Pre)
	}
	if block {
		flush()
	}
}

func startsWithSpace(s string) bool {
	return s != "" && strings.TrimLeft(s[:1], " \t\r\n\f") == ""
}

func endsWithSpace(s string) bool {
	return s != "" && strings.TrimRight(s[len(s)-1:], " \t\r\n\f") == ""
}

// textOf is the text under n, scripts' included, as written.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// oneLine collapses white space, line breaks included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

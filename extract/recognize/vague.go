package recognize

// vagueScales value the plural scale words used as vague amounts.
var vagueScales = map[string]float64{"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}

// vagueAt reads vague amounts: "dozens of", "thousands", "tens of
// thousands", "hundreds of millions", "several million", "a few hundred".
// Their intervals are documented on Quantity.
func vagueAt(text string, toks []token, i, floor int, blocked []bool) (mention, bool) {
	t := &toks[i]
	if t.kind != tWord || i > 0 && (toks[i-1].kind == tNum || toks[i-1].cardinalAbove0() && !toks[i-1].nl) {
		return mention{}, false
	}
	lo, hi := 0.0, 0.0
	end := i + 1
	switch {
	case (t.low == "tens" || t.low == "hundreds") && matchAt(text, toks, i+1, []string{"of"}) && i+2 < len(toks) && vagueScales[toks[i+2].low] >= 1e3:
		x := vagueScales[toks[i+2].low]
		if t.low == "tens" {
			lo, hi = 20*x, 100*x-1
		} else {
			lo, hi = 200*x, 1000*x-1
		}
		end = i + 3
	case t.low == "several" || t.low == "few" || t.low == "many" || t.low == "a" && matchAt(text, toks, i+1, []string{"few"}):
		j := i + 1
		if t.low == "a" {
			j = i + 2
		}
		if j >= len(toks) || blocked[j] {
			return mention{}, false
		}
		x := scaleWords[toks[j].low]
		switch toks[j].low {
		case "hundred":
			x = 100
		case "dozen":
			x = 12
		}
		if x == 0 || x == 1e5 || x == 1e7 {
			return mention{}, false
		}
		lo, hi = 2*x, 10*x-1
		if t.low == "many" {
			lo = 3 * x
			hi = 1000*x - 1
		}
		end = j + 1
	case vagueScales[t.low] > 0:
		x := vagueScales[t.low]
		switch t.low {
		case "dozens":
			lo, hi = 24, 99
		case "scores":
			if !matchAt(text, toks, i+1, []string{"of"}) {
				return mention{}, false
			}
			lo, hi = 40, 199
		case "hundreds":
			lo, hi = 200, 999
		default:
			lo, hi = 2*x, 1000*x-1
		}
	default:
		return mention{}, false
	}
	bounds := [2]float64{lo, hi} // escapes: allocated only for a mention
	p := part{first: i, end: end, a: amount{val: lo, prec: lo / 2}, hedge: Range, min: &bounds[0], max: &bounds[1], vague: true}
	if p.a.prec > 1 {
		p.a.prec = pow10Floor(p.a.prec)
	}
	return mention{start: i, end: end, parts: []part{p}}, true
}

// pow10Floor returns the largest power of ten not above v.
func pow10Floor(v float64) float64 {
	p := 1.0
	for p*10 <= v {
		p *= 10
	}
	return p
}

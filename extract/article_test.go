package extract

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestParseArticle(t *testing.T) {
	long := strings.Repeat("The council said the bridge would reopen on Friday after repairs. ", 4)
	tests := []struct {
		name, in string
		want     Article
		wantErr  error
	}{
		{
			name: "front matter",
			in:   "---\nsource: Daily Planet\npublished: 2018-04-18\ntitle: A title\nurl: https://example.org/a\n---\n" + long,
			want: Article{File: "a.txt", Source: "Daily Planet", Published: "2018-04-18", Title: "A title", URL: "https://example.org/a", Body: long},
		},
		{
			name: "RFC 3339 keeps the writer's day",
			in:   "---\nsource: X\npublished: 2018-04-18T23:30:00-05:00\n---\n" + long,
			want: Article{File: "a.txt", Source: "X", Published: "2018-04-18", Body: long},
		},
		{
			name: "no front matter: source is the file",
			in:   long,
			want: Article{File: "a.txt", Source: "a.txt", Body: long},
		},
		{name: "empty", in: "", wantErr: ErrEmpty},
		{name: "whitespace", in: " \n\t\n", wantErr: ErrEmpty},
		{name: "front matter only", in: "---\nsource: X\n---\n\n", wantErr: ErrEmpty},
		{name: "binary", in: "PNG\x00\x01\x02" + long, wantErr: ErrBinary},
		{name: "invalid utf-8", in: long + "\xff\xfe", wantErr: ErrInvalidUTF8},
		{name: "bad date", in: "---\npublished: 2025-13-45\n---\n" + long, wantErr: ErrFrontMatter},
		{name: "unclosed front matter", in: "---\nsource: X\n" + long, wantErr: ErrFrontMatter},
		{name: "front matter line without colon", in: "---\nsource X\n---\n" + long, wantErr: ErrFrontMatter},
		{name: "too large", in: strings.Repeat("a ", MaxArticleBytes), wantErr: ErrTooLarge},
		{name: "french", in: "Le gouvernement a annoncé mardi que les écoles de la région resteront fermées jusqu'à la fin de la semaine, en raison des inondations qui ont touché plus de douze mille habitants dans la vallée et le nord du pays.", wantErr: ErrLanguage},
		{name: "cyrillic", in: strings.Repeat("Заголовок открываемого материала ", 5), wantErr: ErrLanguage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseArticle("a.txt", []byte(tt.in))
			if tt.wantErr != nil {
				var ie *InputError
				if !errors.Is(err, tt.wantErr) || !errors.As(err, &ie) || !strings.HasPrefix(err.Error(), "a.txt: ") {
					t.Fatalf("ParseArticle(%s) error = %v, want an *InputError naming a.txt wrapping %v", tt.name, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseArticle(%s): %v", tt.name, err)
			}
			if diff := cmp.Diff(tt.want, got, cmpopts.IgnoreFields(Article{}, "ID")); diff != "" {
				t.Errorf("ParseArticle(%s) mismatch (-want +got):\n%s", tt.name, diff)
			}
			if got.ID != ArticleID(got.Body) {
				t.Errorf("ParseArticle(%s).ID = %q, want ArticleID(body)", tt.name, got.ID)
			}
		})
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add([]byte("---\nsource: X\npublished: 2018-04-18\n---\nThe ministry said 40 million people use the app."))
	f.Add([]byte("---\npublished: 2025-13-45\n---\nbody"))
	f.Add([]byte("\xff\xfe---\n"))
	f.Add([]byte("---\n---\n---\n"))
	f.Add([]byte("<!doctype html><title>T</title><p>The ministry said 40 million people use the app &amp; more.</p>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseArticle("f", data)
		b, err2 := ParseArticle("f", data)
		if (err == nil) != (err2 == nil) || a != b {
			t.Fatalf("ParseArticle is not deterministic")
		}
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Input != "f" {
				t.Fatalf("error %v is not an *InputError naming the input", err)
			}
			return
		}
		// An HTML page's body is its text, not a part of its markup.
		page := isHTML(strings.TrimPrefix(string(data), "\ufeff"))
		if !utf8.ValidString(a.Body) || strings.TrimSpace(a.Body) == "" || !page && !strings.Contains(string(data), a.Body) {
			t.Fatalf("body %q is not a non-empty valid part of the input", a.Body)
		}
	})
}

func TestBlocksClutter(t *testing.T) {
	body := strings.Join([]string{
		"Flood Waters Rise Across Vannermark Province",
		"Photo: Lena Varga / © Meridian Press 2025",
		"Subscribe",
		"Some 12,000 people were evacuated on Sunday, the agency said.",
		"Read more: 7 questions about the levees",
		"Comments 0",
		"12",
		"log in or register",
		"Поделиться в соцсетях",
		"Rescue boats reached the last cut-off villages late on Monday night after the river fell",
		"A rescue boat near the levee - Meridian Press",
	}, "\n")
	var got []string
	for _, b := range Blocks(body) {
		got = append(got, b.Clutter)
	}
	want := []string{
		"headline or teaser", "photo caption or credit", "page furniture", "",
		"page furniture", "page furniture", "fragment", "page furniture", "line in another script",
		"", "photo caption or credit",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Blocks clutter reasons mismatch (-want +got):\n%s", diff)
	}
	for _, b := range Blocks(body) {
		if b.Start < 0 || b.End > len(body) || strings.TrimSpace(body[b.Start:b.End]) != body[b.Start:b.End] {
			t.Errorf("block %d-%d is not a trimmed span of the body", b.Start, b.End)
		}
	}
}

func TestBlocksTeasersAndCaptions(t *testing.T) {
	tests := []struct {
		name  string
		lines []string
		want  []string
	}{
		{
			name:  "a one-line article without a closing stop is the article",
			lines: []string{"The ferry carried 212 passengers across the bay on Friday"},
			want:  []string{""},
		},
		{
			name:  "teaser headline with a decimal",
			lines: []string{"Harbour tolls edge up 1.5% in the first quarter", "The ferry resumed service on Friday, the operator said."},
			want:  []string{"headline or teaser", ""},
		},
		{
			name:  "numbered list under a header",
			lines: []string{"Most viewed", "1. Lentil prices climb to 4.2 per kilo", "2. Seven places in the north to see the eclipse this summer", "The ferry resumed service on Friday, the operator said."},
			want:  []string{"fragment", "headline or teaser", "headline or teaser", ""},
		},
		{
			name:  "long teaser under read more",
			lines: []string{"Read more", "Glassworks union says its members will vote on the offer of $2.6bn, highest in a decade", "Inspectors found 14 cracks in the dam wall, the ministry said."},
			want:  []string{"page furniture", "headline or teaser", ""},
		},
		{
			name:  "gallery counter and agency credit",
			lines: []string{"3 of 18 Volunteers stack sandbags by the bridge. WIREPIX/Anna Kowal"},
			want:  []string{"photo caption or credit"},
		},
		{
			name:  "photograph credit",
			lines: []string{"One of the 40-metre cranes at dawn on Monday. Photograph: Tom Reyes/Northwire"},
			want:  []string{"photo caption or credit"},
		},
		{
			name:  "donation appeal",
			lines: []string{"Back our reporting from just $2 a month – it only takes a minute."},
			want:  []string{"appeal for money or sign-ups"},
		},
		{
			name:  "prose with a decimal stays prose",
			lines: []string{"The river rose 2.5 metres overnight and the town council closed the bridge."},
			want:  []string{""},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range Blocks(strings.Join(tt.lines, "\n")) {
				got = append(got, b.Clutter)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Blocks(%q) clutter reasons mismatch (-want +got):\n%s", tt.lines, diff)
			}
		})
	}
}

func TestCheckSize(t *testing.T) {
	for _, tc := range []struct {
		size int64
		want string // "" for no error
	}{
		{MaxArticleBytes, ""},
		{1, ""},
		{MaxArticleBytes + 1, "big.txt: article too large: 524289 bytes is over the 524288-byte limit"},
		{5 << 20, "big.txt: article too large: 5.0 MB is over the 512 KB limit"},
		{700 << 10, "big.txt: article too large: 700.0 KB is over the 512 KB limit"},
	} {
		err := CheckSize("big.txt", tc.size)
		if tc.want == "" {
			if err != nil {
				t.Errorf("CheckSize(%d) = %v, want nil", tc.size, err)
			}
			continue
		}
		if err == nil || err.Error() != tc.want || !errors.Is(err, ErrTooLarge) {
			t.Errorf("CheckSize(%d) = %v, want %q wrapping ErrTooLarge", tc.size, err, tc.want)
		}
	}
}

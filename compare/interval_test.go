package compare

import "testing"

func TestDayRange(t *testing.T) {
	tests := []struct {
		in          string
		first, last float64
		ok          bool
	}{
		{"1970-01-01", 0, 0, true},
		{"2018-04-15", 17636, 17636, true},
		{"2018-04-15T09:30:00Z", 17636, 17636, true},
		{"2016-02", 16832, 16860, true},
		{"2017", 17167, 17531, true},
		{"2018-02-30", 0, 0, false},
		{"April 15", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		first, last, ok := dayRange(tt.in)
		if first != tt.first || last != tt.last || ok != tt.ok {
			t.Errorf("dayRange(%q) = %v, %v, %v, want %v, %v, %v", tt.in, first, last, ok, tt.first, tt.last, tt.ok)
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct{ start, end, want string }{
		{"2018-04-18", "2018-04-18", "2018-04-18"},
		{"2017-01-01", "2017-12-31", "2017"},
		{"2018-02-01", "2018-02-28", "2018-02"},
		{"2018-02-01", "2018-02-27", "2018-02-01 to 2018-02-27"},
		{"2017-12-01", "2018-01-31", "2017-12-01 to 2018-01-31"},
		{"2017", "2017", "2017"},
		{"soon", "later", "soon to later"},
	}
	for _, tt := range tests {
		if got := span(tt.start, tt.end); got != tt.want {
			t.Errorf("span(%q, %q) = %q, want %q", tt.start, tt.end, got, tt.want)
		}
	}
}

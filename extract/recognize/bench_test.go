package recognize

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// benchText is invented news copy of about 3 KB with the usual mix of
// figures, hedges and dates.
const benchText = `TEHRAN, Wednesday Apr 18, 2018 — Iran's judiciary ordered the messaging app blocked on Monday, citing national security, in a move that could affect some 40 million users, roughly half the population of the country.

The app, which says it has more than 200 million monthly users worldwide, was briefly blocked on December 31, 2017, during protests that spread to dozens of Iranian cities. The ban was lifted two weeks later, after officials said the unrest had subsided.

State media reported that more than 1.3 million people had downloaded domestic alternatives since last week, while analysts estimated that thousands of businesses rely on the app to reach customers. "About 60 percent of our orders come through channels on the app," said the owner of a clothing shop in northern Tehran, who asked not to be named. She said her revenue had fallen by nearly a third since January.

The government has spent an estimated $2 billion on a national information network since 2012, according to a parliamentary report published in March 2018. A second report put the cost at between 1.5 and 2.2 billion dollars, or roughly 300,000 billion rials at the official exchange rate of 42,000 rials to the dollar.

Officials said on Sunday that the decision was final. The communications minister, who has five Twitter feeds and up to 700,000 followers, wrote that the ban "will be reviewed" on April 21. Lawmakers are due to debate the issue next week, and a vote is expected on Saturday.

Internet freedom groups said the block was the third in two years. In 2017, authorities shut down access for 12 days; in 2016, a similar order lasted 48 hours. The groups estimate that 5.5 million VPN subscriptions were sold in the first three months of the year, up from 2.1 million a year earlier, a 160% increase.

"We have seen tens of thousands of people move to other services in a single day," said a researcher at a digital rights group, adding that fewer than 10 of the country's 31 provinces had reliable access to foreign platforms.

The central bank said 14 percent of transactions in the capital were made through mobile apps last month, up from 9 per cent in December. It expects the share to reach 20% by the end of the year. Officials have promised $300m in subsidies for domestic developers, with grants of €50,000 to €250,000 each, and a fund of £10 million for training.

Some 2,500 developers applied in the first week, the ministry said on Tuesday, a figure that could rise to 40,000+ by 2019. The ministry plans to hire 1,200 engineers over three years and to open 15 regional centres, each serving about 1.2 million people.

Critics noted that the ban came three days after the president said the government had no plans to restrict the app, and a day later the judiciary published its order. The opposition said it had collected 250,000 signatures in 48 hours.
`

func BenchmarkRecognize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Mentions(benchText, published)
	}
}

// TestMentions: Mentions finds what Quantities and Dates find apart.
func TestMentions(t *testing.T) {
	for _, text := range []string{benchText, "", "On Sunday some 40 million users, up from 1.3m on Dec. 31, 2017."} {
		qs, ds := Mentions(text, published)
		if diff := cmp.Diff(Quantities(text), qs); diff != "" {
			t.Errorf("Mentions(%.40q) quantities differ from Quantities (-want +got):\n%s", text, diff)
		}
		if diff := cmp.Diff(Dates(text, published), ds); diff != "" {
			t.Errorf("Mentions(%.40q) dates differ from Dates (-want +got):\n%s", text, diff)
		}
	}
}

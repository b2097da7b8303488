package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// frame is what settleFrames decides of a figure or date.
type frame struct {
	Subject, Attribute, Qualifier string
	Revision                      bool
}

// framesOf runs Claims on an invented article and returns the frame of each
// figure and date by its text as written.
func framesOf(t *testing.T, title, published, body string) map[string]frame {
	t.Helper()
	tk, err := testTokenizer()
	if err != nil {
		t.Fatal(err)
	}
	a := Article{ID: "a-test", File: "t.txt", Source: "Test", Title: title, Published: published, Body: body}
	doc, err := tk.Tokenize(body)
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]frame)
	for _, c := range Claims(a, doc) {
		text := ""
		switch {
		case c.Value != nil:
			text = c.Value.Text
		case c.Date != nil:
			text = c.Date.Text
		}
		out[text] = frame{c.Subject, c.Attribute, c.Qualifier, c.Revision}
	}
	return out
}

// TestSettleFrames checks the rules a careful reader applies before two
// sources' figures are set side by side (see settleFrames), each on
// invented sentences. A figure mapped to the zero frame must not be a
// claim at all.
func TestSettleFrames(t *testing.T) {
	tests := []struct {
		name, title, body string
		want              map[string]frame
	}{
		{
			name:  "the verb that takes the figure names it",
			title: "Blast at the Ostra depot",
			body:  "The blast at the Ostra depot killed at least 31 people and injured more than 900, officials said.",
			want: map[string]frame{
				"at least 31":   {Subject: "story", Attribute: "deaths"},
				"more than 900": {Subject: "story", Attribute: "injuries"},
			},
		},
		{
			name:  "a pronoun's figure takes the measure of the figure before it in the same unit",
			title: "Quake shakes the Orvan valley",
			body:  "The survey put the quake's magnitude at 6.4 and its depth at 11km, while the national observatory measured it at 6.2.",
			want: map[string]frame{
				"6.4": {Subject: "story", Attribute: "magnitude"},
				"11":  {Subject: "story", Attribute: "km deep"},
				"6.2": {Subject: "story", Attribute: "magnitude"},
			},
		},
		{
			name:  "a place named as an office's holder is not what a sum measures; an appeal is not the damage",
			title: "Storm batters the Harl coast",
			body:  "Some 40,000 people have lost their homes, while the Red Crescent is seeking $12 million for shelter. Dunmore's governor has estimated the damage at $2bn-$3bn.",
			want: map[string]frame{
				"Some 40,000": {Subject: "story", Attribute: "displaced"},
				"$12 million": {Subject: "story", Attribute: "aid"},
				"$2bn-$3bn":   {Subject: "story", Attribute: "damage"},
			},
		},
		{
			name:  "a country is whose people a breach affected; the years its records span are not when",
			title: "Brantley finds more customers in its data leak",
			body:  "Brantley said on 9 October that a file holding 9.4 million UK records from between 2012 and 2015 had been exposed, affecting about 310,000 British customers.",
			want: map[string]frame{
				"9.4 million":           {Subject: "story", Attribute: "records"},
				"about 310,000":         {Subject: "story", Attribute: "affected", Qualifier: "uk"},
				"9 October":             {Subject: "brantley", Attribute: "say"},
				"between 2012 and 2015": {Subject: "brantley", Attribute: "say", Qualifier: "earlier"},
			},
		},
		{
			name:  "explosions are blasts, and a part named in the next clause is not this figure's",
			title: "Blasts hit Orvan city",
			body:  "The minister told parliament that about 300 people had been wounded in the six explosions and that 21 foreigners were among those killed.",
			want: map[string]frame{
				"about 300": {Subject: "story", Attribute: "injuries"},
				"six":       {Subject: "story", Attribute: "blasts"},
				"21":        {Subject: "story", Attribute: "deaths", Qualifier: "among foreigners"},
			},
		},
		{
			name:  "a region named by its direction counts its own toll",
			title: "Quake kills thousands in Orvania and Belkaria",
			body:  "In Orvania, 3,100 people were killed. In the rebel-held northwest, rescuers said more than 400 people were dead.",
			want: map[string]frame{
				"3,100":         {Subject: "story", Attribute: "deaths", Qualifier: "in orvania"},
				"more than 400": {Subject: "story", Attribute: "deaths", Qualifier: "in northwest"},
			},
		},
		{
			name:  "the U.S. is a place, so \"the service\" is the app named before it",
			title: "Chatterly to tell users whose data leaked",
			body:  "Chatterly said on Monday that the data of up to 40 million people may have leaked. According to Chatterly, more than 30 million of those people live in the U.S.\n\nEvery one of the service's 900 million users will get an alert.",
			want: map[string]frame{
				"up to 40 million":     {Subject: "story", Attribute: "affected"},
				"more than 30 million": {Subject: "story", Attribute: "affected", Qualifier: "among"},
				"900 million":          {Subject: "chatterly", Attribute: "users"},
				"Monday":               {Subject: "chatterly", Attribute: "say"},
			},
		},
		{
			name:  "a ship wedged, jammed or stuck dates the incident",
			title: "Freighter blocks the Varn canal",
			body:  "The freighter became wedged across the Varn canal on Tuesday. On March 2, the ship had become jammed across its southern stretch. The ship had been stuck since last Friday, when it lost power in a storm.",
			want: map[string]frame{
				"Tuesday":     {Subject: "story", Attribute: "occur"},
				"March 2":     {Subject: "story", Attribute: "occur"},
				"last Friday": {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "the day the public learned of a breach is the day it was disclosed",
			title: "Corvane says more customers hit by leak",
			body:  "Corvane Inc said on Tuesday that 1.2 million more customers were affected. The hackers were inside Corvane's systems from May until late July, yet the public only learned of the attack on Sept. 8.",
			want: map[string]frame{
				"Tuesday": {Subject: "corvane", Attribute: "say"},
				"Sept. 8": {Subject: "corvane", Attribute: "disclose"},
			},
		},
		{
			name:  "a breach disclosed, an intrusion noticed, an attack made public until a day",
			title: "Corvane says more customers hit by leak",
			body:  "Corvane disclosed the breach on Sept. 4, saying it had first noticed the intrusion on July 22. Its rival Halvex discovered an attack on 3 June but did not make it public until 9 August.",
			want: map[string]frame{
				"Sept. 4":  {Subject: "corvane", Attribute: "disclose"},
				"July 22":  {Subject: "corvane", Attribute: "discover"},
				"3 June":   {Subject: "halvex", Attribute: "discover"},
				"9 August": {Subject: "halvex", Attribute: "disclose"},
			},
		},
		{
			name:  "a fire declared contained is the story's; a share contained by a day dates the share",
			title: "Rowan Fire fully contained",
			body:  "The Rowan Fire, which destroyed 400 homes in Northern Oregon, was fully contained on Sunday, officials said. The state forestry agency declared the fire fully contained at 6 a.m. on Sunday. By Friday night the fire was 75 percent contained.",
			want: map[string]frame{
				"400":        {Subject: "story", Attribute: "homes"},
				"Sunday":     {Subject: "story", Attribute: "contain"},
				"75 percent": {Subject: "story", Attribute: "contained"},
				"6":          {}, // an hour of the clock is no claim
			},
		},
		{
			name:  "the missing found are the story's, whoever found them",
			title: "Climbers found alive in the Orvan caves",
			body:  "On Monday night two rescue divers, Lena Marsh and Tom Hale, reached the group and found them alive, nine days after they went missing. The Velm council found money for a new road on Friday.",
			want: map[string]frame{
				"Friday": {Subject: "council", Attribute: "find"}, // a thing found is its finder's
				"Monday": {Subject: "story", Attribute: "find"},
				"two":    {Subject: "story", Attribute: "divers"},
				"nine":   {Subject: "story", Attribute: "days"},
			},
		},
		{
			name:  "those brought out, carried out of a cave, emerging or freed are rescued; a raid carried out is not",
			title: "Miners rescued from the Orvan pit",
			body:  "Four more miners were brought out on Monday. The last three emerged on Tuesday evening. The last of the crew were carried out of the pit on Wednesday. Police carried out a raid on Thursday.",
			want: map[string]frame{
				"Monday":    {Subject: "story", Attribute: "rescue"},
				"Tuesday":   {Subject: "story", Attribute: "rescue"},
				"Wednesday": {Subject: "story", Attribute: "rescue"},
				"Thursday":  {Subject: "police", Attribute: "carry"},
				"Four":      {Subject: "story", Attribute: "rescued", Qualifier: "added"},
				"three":     {Subject: "story", Attribute: "count", Qualifier: "remaining"},
			},
		},
		{
			name:  "an incident reported in the passive is dated as the incident",
			title: "Fire guts the Orvan cathedral",
			body:  "Bells rang at 7pm on Wednesday, the moment the blaze was reported two days earlier.",
			want: map[string]frame{
				"two days earlier": {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "an age leaves the day to the event; a common-noun subject is not the last event's",
			title: "Boys trapped in the Orvan caves",
			body:  "Lena Marsh, 41, lost consciousness early on Friday as she swam back.\n\nThe boys, who are 11 to 16 years old, disappeared on 23 June along with their coach.",
			want: map[string]frame{
				"41":       {Subject: "marsh", Attribute: "age"},
				"Friday":   {Subject: "marsh", Attribute: "lost"},
				"11 to 16": {Subject: "story", Attribute: "years"},
				"23 June":  {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "a leader who travels to or arrives in a place visits it",
			title: "Leaders visit Orvan after the blast",
			body:  "President Anna Berg will travel to Orvan on Thursday, her office said. Prime Minister Karl Lund arrived in Orvan on Friday.",
			want: map[string]frame{
				"Thursday": {Subject: "berg", Attribute: "visit"},
				"Friday":   {Subject: "lund", Attribute: "visit"},
			},
		},
		{
			name:  "a count of buildings by their kind",
			title: "Fire destroys the town of Orvan",
			body:  "The count lists 900 homes, 52 commercial buildings and 310 other buildings as destroyed.",
			want: map[string]frame{
				"900": {Subject: "story", Attribute: "homes"},
				"52":  {Subject: "story", Attribute: "buildings", Qualifier: "commercial"},
				"310": {Subject: "story", Attribute: "buildings", Qualifier: "other"},
			},
		},
		{
			name:  "a named incident months before the story is another",
			title: "Regulators ground the Vela 9 after crash",
			body:  "Regulators grounded the jets, citing similarities between Sunday's crash and the Corran Air disaster off Borneo on Oct. 29.",
			want: map[string]frame{
				"Sunday's": {Subject: "story", Attribute: "occur"},
				"Oct. 29":  {Subject: "corran air", Attribute: "disaster", Qualifier: "earlier"},
			},
		},
		{
			name:  "an incident its lead dates months back is not the story's, though the lead names it",
			title: "Regulators ground the Vela 9",
			body:  "Regulators grounded the jets, citing similarities between Sunday's crash and the Corran Air disaster off Borneo on Oct. 29.\n\nThe Corran Air jet went down in the sea, killing 150 people.",
			want: map[string]frame{
				"Sunday's": {Subject: "story", Attribute: "occur"},
				"Oct. 29":  {Subject: "corran air", Attribute: "disaster", Qualifier: "earlier"},
				"150":      {Subject: "corran air crash", Attribute: "deaths"},
			},
		},
		{
			name:  "a count that leaves out someone its group had",
			title: "Last rescuers leave the Orvan cave",
			body:  "Three army divers and a doctor came out safely later that night.",
			want: map[string]frame{
				"Three": {Subject: "story", Attribute: "divers", Qualifier: "with doctor"},
			},
		},
		{
			name:  "how long a thing lasts, written either way",
			title: "Orvan declares emergency after quake",
			body:  "The president declared a state of emergency lasting three months in the south. The mayor imposed a 10-day curfew. The road was shut for six days.",
			want: map[string]frame{
				"three": {Subject: "story", Attribute: "months state"},
				"10":    {Subject: "story", Attribute: "days curfew"},
				"six":   {Subject: "story", Attribute: "days"},
			},
		},
		{
			name:  "a part \"of those\" is of the last sentence's figure",
			title: "Chatterly says data of 40 million leaked",
			body:  "Anyone among the 40 million people whose data may have leaked will get a notice. More than 30 million of those people live in Orvania.",
			want: map[string]frame{
				"40 million":           {Subject: "story", Attribute: "affected"},
				"More than 30 million": {Subject: "story", Attribute: "affected", Qualifier: "among"},
			},
		},
		{
			name:  "those who lost one item of their data are a part of all affected",
			title: "Brantley finds more customers in its data leak",
			body:  "The hackers took the credit card numbers of about 20,000 customers. About 30,000 U.S. customers also had their passport numbers stolen. Then it revealed that the credit card numbers of 5,000 more Canadians had been taken, which brought the total past 9,000.",
			want: map[string]frame{
				"about 20,000": {Subject: "story", Attribute: "affected", Qualifier: "among credit card"},
				"About 30,000": {Subject: "story", Attribute: "affected", Qualifier: "among passport"},
				"5,000":        {Subject: "story", Attribute: "affected", Qualifier: "added canada"},
				"9,000":        {Subject: "story", Attribute: "affected", Qualifier: "canada"},
			},
		},
		{
			name:  "a bare change goes on with the count the sentence before named",
			title: "Brantley finds more customers in its data leak",
			body:  "In May the bank put the number of affected customers at 4 million. In June it added 1.5 million, for a total of 5.5 million.",
			want: map[string]frame{
				"4 million":   {Subject: "story", Attribute: "affected"},
				"1.5 million": {Subject: "story", Attribute: "affected", Qualifier: "added"},
				"5.5 million": {Subject: "story", Attribute: "affected"},
				"May":         {},
				"June":        {},
			},
		},
		{
			name:  "those brought out or freed are rescued, a part of the group they were in",
			title: "Boys rescued from the Orvan cave",
			body:  "Rescuers have brought eight of the 12 boys out of the flooded cave.",
			want: map[string]frame{
				"eight": {Subject: "story", Attribute: "rescued", Qualifier: "among boys"},
				"12":    {Subject: "story", Attribute: "boys"},
			},
		},
		{
			name:  "a national day of mourning is the story's, planned or observed",
			title: "Orvania mourns blast victims",
			body:  "Tuesday will be observed as a national day of mourning, his office said.\n\nOrvania fell silent for three minutes on Wednesday morning as the country observed a day of mourning.",
			want: map[string]frame{
				"Tuesday":   {Subject: "story", Attribute: "mourn"},
				"Wednesday": {Subject: "story", Attribute: "mourn"},
				"three":     {Subject: "story", Attribute: "minutes"},
			},
		},
		{
			name:  "welcoming or receiving guests, and a participle's subject is its sentence's",
			title: "Berg thanks firefighters",
			body:  "President Anna Berg has thanked the firefighters who saved the Orvan opera house, welcoming them to her palace on Thursday three days after the blaze.\n\nPrime Minister Karl Lund will receive them on Friday to thank them.",
			want: map[string]frame{
				"Thursday": {Subject: "berg", Attribute: "receive"},
				"Friday":   {Subject: "lund", Attribute: "receive"},
				"three":    {Subject: "story", Attribute: "days"},
			},
		},
		{
			name:  "a scheduled occasion dated past the place it is for",
			title: "Donors to meet on Orvan",
			body:  "France and the United Nations will co-host a virtual donor conference for Orvania on Sunday.",
			want: map[string]frame{
				"Sunday": {Subject: "story", Attribute: "conference"},
			},
		},
		{
			name:  "the press breaking a story, by report or revelation, is one report of many",
			title: "Chatterly data leak widens",
			body:  "The two firms have been at odds since The Orvan Times reported on March 17 that the data had leaked. The leak was first reported when the Orvan Observer revealed it on 16 March.",
			want: map[string]frame{
				"March 17": {Subject: "story", Attribute: "report"},
				"16 March": {Subject: "story", Attribute: "report"},
				"two":      {Subject: "story", Attribute: "firms"},
			},
		},
		{
			name:  "a diver who ran out of air on a day",
			title: "Diver dies in the Orvan caves",
			body:  "Tom Hale, 39, ran out of air at 3am on Saturday while swimming back.",
			want: map[string]frame{
				"39":       {Subject: "hale", Attribute: "age"},
				"Saturday": {Subject: "hale", Attribute: "run out"},
			},
		},
		{
			name:  "statues lowered or lifted down, by something the sentence brings in anew",
			title: "Fire guts the Orvan cathedral",
			body:  "Fire tore through the roof of the Orvan cathedral on Monday.\n\nLast Thursday, a crane lifted the 12 bronze statues that surrounded the spire down to the ground. On April 11, a crane lowered the statues so they could be restored.",
			want: map[string]frame{
				"Monday":        {Subject: "story", Attribute: "occur"},
				"Last Thursday": {Subject: "story", Attribute: "lift"},
				"April 11":      {Subject: "story", Attribute: "lift"},
				"12":            {Subject: "story", Attribute: "statues"},
			},
		},
		{
			name:  "a witness testifies, appears before, faces a committee, or has a day of testimony",
			title: "Chatterly chief to face lawmakers",
			body:  "Chief Executive Ana Marsh will appear before the Senate Commerce Committee on April 11, the committee said. Marsh is to testify on Tuesday before a joint hearing. Marsh returns to Capitol Hill on Thursday to face the House Energy Committee.\n\nHer second day of testimony, before a House committee, begins on Wednesday.",
			want: map[string]frame{
				"April 11":  {Subject: "marsh", Attribute: "testify"},
				"Tuesday":   {Subject: "marsh", Attribute: "testify"},
				"Thursday":  {Subject: "marsh", Attribute: "testify"},
				"Wednesday": {Subject: "marsh", Attribute: "testify"},
			},
		},
		{
			name:  "a witness apologising to Congress, or agreeing to testify at a hearing, testifies",
			title: "Chatterly chief to face lawmakers",
			body:  "Chief Executive Ana Marsh will appear before the House committee on April 11. Later, the Senate committees said she had agreed to testify at a joint hearing on April 10.\n\nTom Hale apologized to Congress on Friday, telling a joint hearing that mistakes were made.",
			want: map[string]frame{
				"April 11": {Subject: "marsh", Attribute: "testify"},
				"April 10": {Subject: "marsh", Attribute: "testify"},
				"Friday":   {Subject: "hale", Attribute: "testify"},
			},
		},
		{
			name:  "the number of people killed, and the missing",
			title: "Toll rises in the Kessing floods",
			body:  "The number of people killed by the Kessing floods has risen to 57, the mayor said. He said 212 people remained unaccounted for.",
			want: map[string]frame{
				"57":  {Subject: "story", Attribute: "deaths"},
				"212": {Subject: "story", Attribute: "missing"},
			},
		},
		{
			name:  "a toll belongs to the event, not to whoever counts it",
			title: "Floods in Velmora",
			body:  "The regional health office said the toll stood at 44 on Monday.",
			want: map[string]frame{
				"44": {Subject: "story", Attribute: "deaths"},
			},
		},
		{
			name:  "a named event the title and lead do not name is another event",
			title: "The Harlow Fire burns on",
			body:  "Crews held the Harlow Fire overnight.\n\nIt is the worst since the 1962 Tarnby fire, which killed 96 people. Together with the two people who died in the Ferris Fire, the region's wildfires have now claimed 40 lives.",
			want: map[string]frame{
				"96":  {Subject: "tarnby fire", Attribute: "deaths"},
				"two": {Subject: "ferris fire", Attribute: "deaths"},
				"40":  {Subject: "story", Attribute: "deaths", Qualifier: "combined"},
			},
		},
		{
			name:  "a part of a toll",
			title: "Ferry sinks off Marl",
			body:  "Eleven Danes were among the 120 people killed when the ferry sank.",
			want: map[string]frame{
				"Eleven": {Subject: "story", Attribute: "deaths", Qualifier: "among danes"},
				"120":    {Subject: "story", Attribute: "deaths"},
			},
		},
		{
			name:  "a number in a name is no figure",
			title: "Airline grounds its jets",
			body:  "The airline grounded its Skylark 400 fleet after Flight 217 crashed on Sunday.",
			want:  map[string]frame{"400": {}, "217": {}},
		},
		{
			name:  "magnitudes, the second quake and one months before",
			title: "Quake shakes Dovan",
			body:  "The survey put the quake at magnitude 6.4, while the national observatory put it at 6.6. A second quake of magnitude 5.8 struck hours later. It came four months after a magnitude 5.1 quake in the north.",
			want: map[string]frame{
				"6.4": {Subject: "story", Attribute: "magnitude"},
				"6.6": {Subject: "story", Attribute: "magnitude"},
				"5.8": {Subject: "story", Attribute: "magnitude", Qualifier: "later event"},
				"5.1": {Subject: "story", Attribute: "magnitude", Qualifier: "earlier"},
			},
		},
		{
			name:  "sums of money by what they measure, a rate, a donor and a total",
			title: "Donors rally after the Quill bridge collapse",
			body:  "The governor put the damage at $2 billion. The closure is costing shippers $40 million a day. The Aldern family pledged $50 million, and pledges had reached $310 million by Friday.",
			want: map[string]frame{
				"$2 billion":   {Subject: "story", Attribute: "damage"},
				"$40 million":  {Subject: "story", Attribute: "cost", Qualifier: "per day"},
				"$50 million":  {Subject: "aldern", Attribute: "pledges"},
				"$310 million": {Subject: "story", Attribute: "pledges", Qualifier: "total"},
			},
		},
		{
			name:  "trade held up each day, the period named first",
			title: "Freighter blocks the Varn canal",
			body:  "Every day that the freighter stays stuck, an estimated $2.1bn of trade is held up.",
			want: map[string]frame{
				"an estimated $2.1bn": {Subject: "story", Attribute: "value of goods", Qualifier: "per day"},
			},
		},
		{
			name:  "a fortune is its owner's, and what a day added to it is a change",
			title: "Chatterly shares jump",
			body:  "Chatterly shares closed up 4% at $65.04, adding about $2 billion to Marsh's personal fortune.",
			want: map[string]frame{
				"about $2 billion": {Subject: "marsh", Attribute: "fortune", Qualifier: "added"},
				"$65.04":           {Subject: "story", Attribute: "share price"},
				"4%":               {Subject: "chatterly", Attribute: "share"},
			},
		},
		{
			name:  "a donor named before an aside, and a gift that answers another",
			title: "Donors rally to rebuild the Quill bridge",
			body:  "First came Ana Aldern, the region's richest woman, with $50 million for the bridge. A few hours later her rival Piet Voss answered with $80 million from his family.",
			want: map[string]frame{
				"$50 million": {Subject: "aldern", Attribute: "pledges"},
				"$80 million": {Subject: "voss", Attribute: "pledges"},
			},
		},
		{
			name:  "lengths by what they measure",
			title: "Quake shakes Dovan",
			body:  "The quake struck at a depth of 12 kilometres, about 40 kilometres (25 miles) north of Dovan.",
			want: map[string]frame{
				"12":       {Subject: "story", Attribute: "km deep"},
				"about 40": {Subject: "story", Attribute: "km from dovan"},
				"25":       {Subject: "story", Attribute: "miles from dovan"},
			},
		},
		{
			name:  "the speaker and the outlet are not what is measured",
			title: "Grain lost in the Oskel floods",
			body:  "Farm minister Anna Holt said 2,100 tonnes of grain were lost. (Test) - The co-operative put the damage at $4 million.",
			want: map[string]frame{
				"2,100":      {Subject: "story", Attribute: "tonnes"},
				"$4 million": {Subject: "story", Attribute: "damage"},
			},
		},
		{
			name:  "hyphenated and spelled-out lengths",
			title: "Tanker stuck in the Marl channel",
			body:  "The 330-metre-long tanker blocked the channel. The vessel is 330 meters long and 58 meters wide. Its 70-metre mast was bent.",
			want: map[string]frame{
				"330": {Subject: "story", Attribute: "metres long"},
				"58":  {Subject: "story", Attribute: "metres wide"},
				"70":  {Subject: "story", Attribute: "metres mast"},
			},
		},
		{
			name:  "a change, an earlier estimate and people affected",
			title: "Lender finds more customers hit by breach",
			body:  "The lender said it had found another 1.2 million customers whose data was stolen, bringing the total affected to 31.4 million. At the time it estimated that 29 million people were affected.",
			want: map[string]frame{
				"1.2 million":  {Subject: "story", Attribute: "affected", Qualifier: "added"},
				"31.4 million": {Subject: "story", Attribute: "affected"},
				"29 million":   {Subject: "story", Attribute: "affected", Qualifier: "earlier"},
			},
		},
		{
			name:  "a count of people by what happened to them, and what remains",
			title: "Miners freed from the Oskel pit",
			body:  "Six miners were freed on Monday. The remaining three miners are expected to be brought out on Tuesday.",
			want: map[string]frame{
				"Six":   {Subject: "story", Attribute: "rescued"},
				"three": {Subject: "story", Attribute: "rescued", Qualifier: "remaining"},
			},
		},
		{
			name:  "everyone on board, one country's toll, those found",
			title: "Quake and air crash",
			body:  "The jet carried 88 passengers and crew. In Dovan, 412 deaths have been recorded, and 1,300 people were injured in Marland. Police said 64 people reported missing had since been found.",
			want: map[string]frame{
				"88":    {Subject: "story", Attribute: "passengers and crew"},
				"412":   {Subject: "story", Attribute: "deaths", Qualifier: "in dovan"},
				"1,300": {Subject: "story", Attribute: "injuries", Qualifier: "in marland"},
				"64":    {Subject: "story", Attribute: "people"},
			},
		},
		{
			name:  "a toll the writer says corrects an earlier one",
			title: "Toll revised in Marl",
			body:  "Officials cut the death toll to 64 after some victims were counted twice.",
			want: map[string]frame{
				"64": {Subject: "story", Attribute: "deaths", Revision: true},
			},
		},
		{
			name:  "the incident's own date is one measure",
			title: "Explosion at the Ostra depot",
			body:  "An explosion ripped through the Ostra depot on Tuesday, the fire service said.",
			want: map[string]frame{
				"Tuesday": {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "the incident's date also dates a figure of it",
			title: "Earthquake in Dravan",
			body:  "A strong earthquake shook the Dravan valley on Tuesday, a magnitude 6.4 tremor, the observatory said.\n\nTuesday's first tremor struck before dawn.",
			want: map[string]frame{
				"Tuesday":   {Subject: "story", Attribute: "occur"},
				"Tuesday's": {Subject: "story", Attribute: "occur"},
				"6.4":       {Subject: "story", Attribute: "magnitude"},
			},
		},
		{
			name:  "an incident dated as a noun, and a wire dateline that dates nothing",
			title: "Bombings in Ostra",
			body:  "OSTRA, March 13 (Wire) - The toll from the Sunday bombings rose to 40, officials said.\n\nDoctors treated 85 people after the attacks on March 9.",
			want: map[string]frame{
				"March 13": {},
				"Sunday":   {Subject: "story", Attribute: "occur"},
				"March 9":  {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "the incident of the clause, through a phrasal verb, is what its day dates",
			title: "Airliner lost near Ostra",
			body:  "A Tellair jet went down minutes after leaving Ostra on Tuesday, the airline said.\n\nA freighter ran aground in the strait on Wednesday.\n\nTwo hikers went missing on 2 June.",
			want: map[string]frame{
				"Tuesday":   {Subject: "story", Attribute: "occur"},
				"Wednesday": {Subject: "story", Attribute: "occur"},
				"2 June":    {Subject: "story", Attribute: "occur"},
			},
		},
		{
			name:  "those in hospital, a part of the toll, and a part named by who they were",
			title: "Bombings in Ostra",
			body:  "Doctors said 310 people had been admitted to hospital with injuries, and that 92 of them were still being treated.\n\nAt least 12 children died, and 7 Estonians were among the dead.",
			want: map[string]frame{
				"310":         {Subject: "story", Attribute: "hospitalised"},
				"92":          {Subject: "story", Attribute: "hospitalised", Qualifier: "among"},
				"At least 12": {Subject: "story", Attribute: "deaths", Qualifier: "among children"},
				"7":           {Subject: "story", Attribute: "deaths", Qualifier: "among estonians"},
			},
		},
		{
			name:  "who was on board, and what they are counted by",
			title: "Tellair jet lost near Ostra",
			body:  "The jet carried 120 passengers and six crew members from 22 nations, and held 14 tons of cargo.\n\nOf the 126 passengers and crew who died, 9 of its staff members were among the dead.",
			want: map[string]frame{
				"six": {Subject: "story", Attribute: "crew"},
				"22":  {Subject: "story", Attribute: "nationalities"},
				"14":  {Subject: "story", Attribute: "tonnes", Qualifier: "tons"},
				"126": {Subject: "story", Attribute: "deaths"},
				"9":   {Subject: "story", Attribute: "deaths", Qualifier: "among staff members"},
			},
		},
		{
			name:  "people whose data a breach reached, whoever's users they are",
			title: "Zentra admits wider data breach",
			body:  "Hackers obtained the profiles of up to 40 million Zentra users, the company said.",
			want: map[string]frame{
				"up to 40 million": {Subject: "story", Attribute: "affected"},
			},
		},
		{
			name:  "a person's age, by whose it is",
			title: "Divers reach trapped climbers",
			body:  "Arvo Lindqvist, 41, led the dive. Their 29-year-old guide stayed behind with the group, whose medic, who is 33, treated two climbers.",
			want: map[string]frame{
				"41": {Subject: "lindqvist", Attribute: "age"},
				"29": {Subject: "guide", Attribute: "age"},
				"33": {Subject: "medic", Attribute: "age"},
			},
		},
		{
			name:  "a scheduled occasion a day dates, past the place it is held",
			title: "Rescued players recover",
			body:  "Doctors said the players would miss the cup final in Ostra on Sunday.",
			want: map[string]frame{
				"Sunday": {Subject: "story", Attribute: "final"},
			},
		},
		{
			name:  "a toll's place, named before it or pointed back to",
			title: "Quake in the Levant",
			body:  "Turkey had confirmed 4,410 deaths and Syria 2,204.\n\nHatay has suffered worst: officials said 57 people had been killed there.",
			want: map[string]frame{
				"4,410": {Subject: "turkey", Attribute: "deaths"},
				"2,204": {Subject: "story", Attribute: "deaths", Qualifier: "in syria"},
				"57":    {Subject: "story", Attribute: "deaths", Qualifier: "in hatay"},
			},
		},
		{
			name:  "visitors drawn, by the rate they come at, and what works cost",
			title: "Fire at Ostra cathedral",
			body:  "The cathedral draws about 2 million visitors a year, or more than 5,000 a day.\n\nA €4 million renovation of its tower was under way.",
			want: map[string]frame{
				"about 2 million": {Subject: "story", Attribute: "visitors", Qualifier: "per year"},
				"more than 5,000": {Subject: "story", Attribute: "visitors", Qualifier: "per day"},
				"€4 million":      {Subject: "story", Attribute: "cost"},
			},
		},
		{
			name:  "a figure of another, earlier incident, one way of a flow, a group taken up again",
			title: "Bombing in Ostra",
			body:  "Police said the attack was revenge for the January 9 bombing in Talvik, which killed 31 people.\n\nOfficials put westbound trade at about $5.1bn a day and eastbound trade at about $4.5bn.\n\nTwo divers reached all 13 on Monday.",
			want: map[string]frame{
				"31":           {Subject: "story", Attribute: "deaths", Qualifier: "earlier"},
				"about $5.1bn": {Subject: "story", Attribute: "amount", Qualifier: "among westbound"},
				"about $4.5bn": {Subject: "story", Attribute: "amount", Qualifier: "among eastbound"},
				"Two":          {Subject: "story", Attribute: "divers"},
				"13":           {Subject: "story", Attribute: "count"},
			},
		},
		{
			name:  "people a breach reached: a first estimate, those newly found, and their new total",
			title: "Zentra breach reaches further",
			body:  "When news of the breach first broke, Zentra estimated that around 90,000 Canadian customers were affected. In May it said data of 4,100 more Canadian customers had been taken, which brought the total past 12,000.\n\nHackers also stole the records of 1.2 million Americans who had not been identified before.",
			want: map[string]frame{
				"around 90,000": {Subject: "story", Attribute: "affected", Qualifier: "earlier"},
				"4,100":         {Subject: "story", Attribute: "affected", Qualifier: "added canada"},
				"12,000":        {Subject: "story", Attribute: "affected", Qualifier: "canada"},
				"1.2 million":   {Subject: "story", Attribute: "affected", Qualifier: "added us"},
			},
		},
		{
			name:  "when a company said a figure, named or described",
			title: "Zentra finds more customers hit by breach",
			body:  "Zentra Inc said on Tuesday that 1.2 million more customers were affected.\n\nThe data processing company said Wednesday that 5,000 of them were in Canada.",
			want: map[string]frame{
				"Tuesday":   {Subject: "zentra", Attribute: "say"},
				"Wednesday": {Subject: "zentra", Attribute: "say"},
			},
		},
		{
			name:  "a participle's figure is of its main clause's event",
			title: "Ferry sinks off Ostra",
			body:  "A ferry sank off Ostra on Monday, and 12 people died.\n\nThe Tellair jet went down in the same waters, killing 140 people. A Corran Air 737 Max 8 plunged into the sea in October, killing all 150 people aboard.",
			want: map[string]frame{
				"140": {Subject: "tellair crash", Attribute: "deaths"},
				"150": {Subject: "corran air crash", Attribute: "deaths"},
			},
		},
		{
			name:  "how much of a fire is held, whoever reports it",
			title: "Harlow Fire burns on",
			body:  "The Harlow Fire, the largest in Vannermark history, is 85% contained, Vannermark officials said.",
			want: map[string]frame{
				"85%": {Subject: "story", Attribute: "contained"},
			},
		},
		{
			name:  "a platform's own count is not what befell part of it",
			title: "Zentra admits wider data breach",
			body:  "Engineers said most of Zentra's 40 million users could have been affected.",
			want: map[string]frame{
				"40 million": {Subject: "zentra", Attribute: "users"},
			},
		},
		{
			name:  "the sum of all gifts is the story's, whoever holds it",
			title: "Gifts pour in for Ostra cathedral",
			body:  "By Wednesday, the city government had received offers totalling some 90 million euros.",
			want: map[string]frame{
				"some 90 million euros": {Subject: "story", Attribute: "pledges", Qualifier: "total"},
			},
		},
		{
			name:  "the amount a toll is cut by is a change, not a toll",
			title: "Toll revised in Marl",
			body:  "Officials cut the death toll from the floods by more than 30, to 64.",
			want: map[string]frame{
				"more than 30": {Subject: "story", Attribute: "deaths", Qualifier: "added", Revision: true},
				"64":           {Subject: "story", Attribute: "deaths", Revision: true},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := framesOf(t, tt.title, "2025-03-14", tt.body)
			picked := make(map[string]frame)
			for text := range tt.want {
				picked[text] = got[text]
			}
			if diff := cmp.Diff(tt.want, picked); diff != "" {
				t.Errorf("Claims(%q) frames mismatch (-want +got):\n%s\nall: %v", tt.body, diff, got)
			}
		})
	}
}

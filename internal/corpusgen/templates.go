package corpusgen

// kind is a type of story: its headlines, the sentences that carry its
// figures and dates, and the range each figure is drawn from.
type kind struct {
	headlines []string
	facts     []string
	nums      map[string][2]int
	units     map[string]string
}

var kinds = []kind{
	{ // flood
		headlines: []string{
			"Floods force thousands from homes in {place}",
			"{place} counts the cost as {river} bursts its banks",
			"Rescue teams search flooded streets of {place}",
		},
		facts: []string{
			"Floodwater from {river} forced {n:evacuated} people from their homes in {place}, the {org} said.",
			"{n:dead} people were killed when the water rose overnight, {official}, the regional governor, told reporters.",
			"The {org} said {n:homes} homes were damaged and {n:roads} roads remained closed on {d:1}.",
			"{river} peaked at {n:level} on {d:0}, the highest reading since records began in {year}.",
			"Emergency crews rescued {n:rescued} residents by boat, according to the fire service.",
			"Officials estimated the damage at {n:damage}, though insurers said the final bill could be higher.",
			"The government declared a state of emergency in {region} on {d:0} and sent {n:troops} soldiers to help.",
			"Power was cut to {n:households} households, the utility said, and about half had been reconnected by {d:2}.",
			"Schools across {region} will stay shut until {d:7}, the education office announced.",
			"Rainfall of {n:rain} was recorded in 24 hours at the {place} weather station, {expert}, a hydrologist at the {org}, said.",
			"Residents said the water rose by {n:rise} within two hours.",
			"{minister}, the interior minister, visited {place} on {d:1} and promised compensation for every family affected.",
		},
		nums: map[string][2]int{
			"evacuated": {1200, 48000}, "dead": {3, 41}, "homes": {300, 9000}, "roads": {12, 140},
			"level": {4, 9}, "rescued": {40, 900}, "damage": {20, 900}, "troops": {150, 2500},
			"households": {5000, 120000}, "rain": {90, 310}, "rise": {1, 3},
		},
		units: map[string]string{"level": "metres", "damage": "$", "rain": "millimetres", "rise": "metres", "evacuated": "", "dead": ""},
	},
	{ // strike
		headlines: []string{
			"Workers walk out at {company} as pay talks collapse",
			"{union} strike halts production in {place}",
			"Thousands march in {place} as dispute with {company} deepens",
		},
		facts: []string{
			"{n:strikers} workers at {company} walked out on {d:0} after talks over pay broke down, the {union} said.",
			"Police put the number of marchers in {place} at {n:police}, while organisers said {n:organisers} people took part.",
			"The union is demanding a pay rise of {n:raise}, while the company has offered {n:offer}.",
			"{company} said the stoppage was costing it {n:loss} a day.",
			"Production at the {place} plant, which employs {n:staff} people, came to a halt on {d:0}.",
			"The last strike at the company, in {year}, lasted {n:days} days.",
			"{official}, the union's general secretary, said members had voted by {n:vote} to reject the offer.",
			"Talks are due to resume on {d:3} under the mediation of the {org}.",
			"The company reported a profit of {n:profit} last year, up {n:growth} on the year before.",
			"{minister}, the labour minister, urged both sides to return to the table by {d:5}.",
			"Shipments of {n:units} vehicles have been delayed, according to a company spokesperson.",
		},
		nums: map[string][2]int{
			"strikers": {800, 24000}, "police": {2000, 15000}, "organisers": {20000, 60000}, "raise": {6, 15},
			"offer": {2, 5}, "loss": {2, 40}, "staff": {1500, 30000}, "days": {3, 45}, "vote": {60, 95},
			"profit": {50, 2400}, "growth": {3, 30}, "units": {1000, 18000},
		},
		units: map[string]string{"raise": "%", "offer": "%", "loss": "$", "profit": "$", "growth": "%", "vote": "%"},
	},
	{ // outage
		headlines: []string{
			"{company} outage leaves millions without service",
			"Regulator opens inquiry into {company} failure",
			"{company} blames software update for nationwide outage",
		},
		facts: []string{
			"The outage began early on {d:0} and lasted {n:hours} hours, {company} said.",
			"{company}, which has {n:customers} customers, said a faulty software update was to blame.",
			"{n:reports} reports of problems were logged on {d:0}, according to the {org}.",
			"The regulator said it would fine the company up to {n:fine} if it found the firm at fault.",
			"{official}, the chief executive of {company}, apologised on {d:1} and promised refunds.",
			"Emergency call centres in {region} received {n:calls} calls they could not connect.",
			"The company's shares fell {n:shares} on {d:1}.",
			"{company} was founded in {year} and employs {n:staff} people in {n:countries} countries.",
			"A similar failure in {year} affected {n:previous} users for a day, the {org} said.",
			"{expert}, who studies network resilience at the {org}, said the company had cut its engineering staff by {n:cuts}.",
			"The inquiry is expected to report by {d:30}, {minister} said.",
		},
		nums: map[string][2]int{
			"hours": {3, 19}, "customers": {1000000, 9000000}, "reports": {20000, 400000},
			"fine": {5, 90}, "calls": {300, 9000}, "shares": {2, 14}, "staff": {2000, 60000},
			"countries": {3, 40}, "previous": {200000, 4000000}, "cuts": {5, 30},
		},
		units: map[string]string{"fine": "$", "shares": "%", "cuts": "%"},
	},
	{ // wildfire
		headlines: []string{
			"Wildfire near {place} forces evacuations",
			"Firefighters battle blaze across {region}",
			"{place} residents flee as fire jumps containment lines",
		},
		facts: []string{
			"The fire has burned {n:hectares} hectares since it started on {d:0}, the {org} said.",
			"{n:evacuated} residents of {place} were ordered to leave on {d:1}.",
			"{n:firefighters} firefighters and {n:aircraft} aircraft were fighting the blaze, {official} said.",
			"The fire was {n:contained} contained by {d:3}, according to fire officials.",
			"{n:buildings} buildings were destroyed, including a school and {n:farms} farms.",
			"Temperatures reached {n:temp} degrees on {d:1}, with winds gusting to {n:wind} kilometres an hour.",
			"{minister} said the government would release {n:aid} in emergency aid.",
			"The region's worst fire season, in {year}, burned {n:worst} hectares.",
			"{expert}, a fire ecologist at the {org}, said the fire had moved {n:spread} kilometres in a day.",
			"Smoke closed {n:flights} flights at the {place} airport on {d:2}.",
		},
		nums: map[string][2]int{
			"hectares": {2000, 90000}, "evacuated": {500, 30000}, "firefighters": {200, 3000}, "aircraft": {4, 40},
			"contained": {10, 80}, "buildings": {12, 600}, "farms": {2, 40}, "temp": {36, 46}, "wind": {40, 110},
			"aid": {5, 200}, "worst": {100000, 900000}, "spread": {5, 30}, "flights": {20, 300},
		},
		units: map[string]string{"contained": "%", "aid": "$"},
	},
}

// Background sentences carry context and no figure, as much of a news story
// does. They are put together from short parts, so that two articles share
// a five-word run only by chance, as unrelated articles do.
var (
	backgroundWho = []string{
		"Residents of {place}", "Local officials", "Opposition lawmakers", "Several charities", "Community leaders",
		"Business owners in {place}", "Aid workers", "Regional authorities", "Critics of the {org}", "Volunteers from {region}",
		"Union representatives", "Hospital staff", "{witness}", "{expert}", "Church groups", "Teachers in {place}",
		"Shopkeepers", "Farmers near {place}", "Younger residents", "Engineers", "Insurers", "Economists",
	}
	backgroundVerb = []string{
		"said", "complained", "warned", "insisted", "told reporters", "argued", "noted", "feared", "claimed",
		"stressed", "admitted", "suggested", "repeated", "wrote online", "told local radio", "acknowledged",
	}
	backgroundWhat = []string{
		"help came late", "nobody warned them", "the plan had failed", "costs would rise", "answers were needed",
		"the damage was worse", "calm had returned", "trust was lost", "repairs would take long", "schools stayed closed",
		"the response was chaotic", "lessons must be learned", "families were struggling", "shops remained shut",
		"aid was arriving", "questions went unanswered", "officials had hesitated", "rules were ignored",
		"the network was fragile", "money was short", "roads were blocked", "power was unreliable",
		"volunteers did most", "the worst had passed", "tempers were rising", "rumours were spreading",
	}
	backgroundWhere = []string{
		"", " in {place}", " across {region}", " after the events", " this time", " despite earlier promises",
		" for many families", " near the river", " around the centre", " outside the town hall", " in the north",
		" among older people", " on social media", " in private", " at a public meeting", " for small firms",
	}
)
var quoteSentences = []string{
	"\"Our priority is the safety of everyone affected,\" {official} said.",
	"\"We will learn the lessons of this,\" {minister} said in a statement.",
	"\"This should never have happened,\" {expert} said.",
	"\"We are doing everything we can,\" a spokesperson for the {org} said.",
	"\"The next few days will be critical,\" {official} told local radio.",
	"\"Nobody listened to us,\" {witness} said.",
	"\"We expect more details in the coming days,\" the {org} said in a statement.",
	"\"It is too early to say what went wrong,\" {expert} said.",
}

var clutterLines = []string{
	"Read more: What we know so far",
	"Subscribe to our newsletter for the latest updates",
	"Advertisement",
	"Photo: {org} handout",
	"Related: Five things to watch this week",
	"Share this article",
	"Sign up for breaking news alerts",
}

var outletNames = []string{
	"Harbour Gazette", "The Daily Meridian", "Northgate Post", "Valley Examiner", "Coastline News",
	"The Evening Standard-Bearer", "Capital Wire", "Lakeside Tribune", "Prairie Herald", "Metro Dispatch",
	"The Weekly Lantern", "Riverside Chronicle", "Summit Times", "Eastern Courier", "Ironbridge Mail",
}

var firstNames = []string{
	"Anna", "Marek", "Sofia", "Tomas", "Leila", "Daniel", "Ines", "Viktor", "Amara", "Jonas",
	"Nadia", "Pavel", "Elena", "Omar", "Greta", "Luca", "Hana", "Rafael", "Ilse", "Kofi",
}

var syllables = []string{
	"bar", "ven", "tor", "mal", "ris", "dun", "kel", "sa", "lo", "mir", "an", "ost", "vel", "ka",
	"rin", "gor", "tal", "bre", "ny", "hal", "ser", "wen", "dor", "ela", "qua", "zen", "por", "lin",
}

var regionWords = []string{"Province", "County", "Valley", "District", "Region"}
var orgWords = []string{"Civil Protection Agency", "Water Authority", "Institute", "Red Cross", "University", "Chamber of Commerce"}
var companySuffix = []string{"tel", "corp", " Motors", " Networks", " Steel", " Energy"}
var unionWords = []string{"National", "General", "United", "Metalworkers'"}
var numberWords = []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"}

// synonyms vary the wording of the story's fact sentences from one outlet
// to the next, as different reporters would.
var synonyms = map[string][]string{
	"said": {"stated", "reported", "confirmed"}, "announced": {"confirmed", "said", "declared"},
	"damaged": {"hit", "affected"}, "closed": {"shut", "blocked"}, "destroyed": {"razed", "lost", "wrecked"},
	"officials": {"authorities"}, "reporters": {"journalists"}, "company": {"firm", "group"},
	"government": {"administration", "cabinet"}, "residents": {"locals", "inhabitants"},
	"promised": {"pledged", "vowed"}, "fighting": {"battling", "tackling"}, "workers": {"employees"},
	"talks": {"negotiations"}, "problems": {"faults", "issues"}, "regional": {"local", "provincial"},
	"blaze": {"fire", "flames"}, "homes": {"houses", "dwellings"}, "roads": {"routes", "streets"},
	"forced": {"drove", "pushed"}, "killed": {"left dead"}, "remained": {"stayed", "were still"},
	"since": {"after"}, "estimated": {"put", "assessed"}, "expected": {"due", "set"},
	"blame": {"at fault", "responsible"}, "urged": {"called on", "pressed"}, "apologised": {"said sorry"},
	"demanding": {"seeking", "asking for"}, "offered": {"proposed", "put forward"}, "halt": {"stop", "standstill"},
	"visited": {"toured", "went to"}, "started": {"began", "broke out"}, "burned": {"scorched", "consumed"},
	"recorded": {"measured", "registered"}, "highest": {"greatest", "top"}, "reached": {"hit", "climbed to"},
	"rescued": {"saved", "pulled"}, "sent": {"deployed", "dispatched"}, "cut": {"lost", "interrupted"},
}

package schema

// CountrySummary is a country in the list of countries.
type CountrySummary struct {
	Code     string `json:"code"`
	Meetings int    `json:"meetings"`
	Made     int    `json:"commitments_made"`
	Received int    `json:"commitments_received"`
}

// TopicCount is a number of commitments on one topic.
type TopicCount struct {
	Topic string `json:"topic"`
	Count int    `json:"count"`
}

// PartnerCount is a number of commitments involving another country.
type PartnerCount struct {
	Code  string `json:"code"`
	Count int    `json:"count"`
}

// CountryDetail is a country with its meetings and commitments by topic.
type CountryDetail struct {
	CountrySummary
	// RecentMeetings are its latest meetings, newest first (at most
	// graph's maxRelated).
	RecentMeetings  []MeetingSummary `json:"recent_meetings"`
	MadeByTopic     []TopicCount     `json:"made_by_topic"`
	ReceivedByTopic []TopicCount     `json:"received_by_topic"`
	Partners        []PartnerCount   `json:"partners"`
}

// TopicStat is a taxonomy entry with its number of commitments.
type TopicStat struct {
	Slug        string `json:"slug"`
	Label       string `json:"label"`
	Parent      string `json:"parent,omitempty"`
	Commitments int    `json:"commitments"`
}

// Stats are the totals and monthly counts of a dashboard.
type Stats struct {
	Totals map[string]int `json:"totals"`
	// Months counts meetings and commitments per month ("2024-07"), for
	// meetings dated to the month or day, in order (at most graph's
	// maxMonths).
	Months []MonthCount `json:"months"`
}

// MonthCount is one month of Stats.
type MonthCount struct {
	Month       string `json:"month"`
	Meetings    int    `json:"meetings"`
	Commitments int    `json:"commitments"`
}

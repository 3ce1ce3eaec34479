package schema

// Modality says what kind of commitment a statement makes.
type Modality string

// The modalities of GUIDELINES.md.
const (
	ModalityOffer      Modality = "offer"      // "China is ready to import ..."
	ModalityPledge     Modality = "pledge"     // "will provide ..."
	ModalityCall       Modality = "call"       // "the two sides should ..."
	ModalityAgreement  Modality = "agreement"  // "agreed to ...", "signed ..."
	ModalityStance     Modality = "stance"     // "firmly adheres to ...", standing policy
	ModalitySupport    Modality = "support"    // "firmly supports X in ..."
	ModalityOpposition Modality = "opposition" // "opposes ..."
	ModalityWelcome    Modality = "welcome"    // "welcomes more enterprises to invest"
	ModalityHope       Modality = "hope"       // "expressed the hope that ..."
)

// Modalities lists every modality, in a stable order.
var Modalities = []Modality{ModalityOffer, ModalityPledge, ModalityCall, ModalityAgreement,
	ModalityStance, ModalitySupport, ModalityOpposition, ModalityWelcome, ModalityHope}

// Valid reports whether m is one of Modalities.
func (m Modality) Valid() bool {
	for _, v := range Modalities {
		if m == v {
			return true
		}
	}
	return false
}

// MeetingKind says how the parties met.
type MeetingKind string

// Meeting kinds.
const (
	MeetingBilateral    MeetingKind = "bilateral"
	MeetingMultilateral MeetingKind = "multilateral"
	MeetingCall         MeetingKind = "call" // phone or video call
	MeetingSummit       MeetingKind = "summit"
)

// EntityKind is the kind of a named thing a commitment concerns; in the graph
// it is the second label of an Entity node, so it must come from this list.
type EntityKind string

// Entity kinds; each doubles as a Neo4j label.
const (
	EntityProject      EntityKind = "Project"
	EntityOrganization EntityKind = "Organization"
	EntityInitiative   EntityKind = "Initiative"
	EntityInstitution  EntityKind = "Institution"
	EntityPrinciple    EntityKind = "Principle"
	EntityAgreement    EntityKind = "Agreement"
	EntityEvent        EntityKind = "Event" // a summit, forum or themed year named as the object of a commitment
)

// EntityKinds lists every entity kind, in a stable order.
var EntityKinds = []EntityKind{EntityProject, EntityOrganization, EntityInitiative,
	EntityInstitution, EntityPrinciple, EntityAgreement, EntityEvent}

// Valid reports whether k is one of EntityKinds.
func (k EntityKind) Valid() bool {
	for _, v := range EntityKinds {
		if k == v {
			return true
		}
	}
	return false
}

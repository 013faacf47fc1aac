import Testing

/// Parent of every lab suite. Serialized, so lab tests never run at the same time: the
/// delayer tests assert on time, and the machine has two cores shared by many developers.
@Suite(.serialized)
enum LabSuite {}

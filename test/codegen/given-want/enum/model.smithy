$version: "2.0"

namespace example.gw

use aws.protocols#awsJson1_0

@awsJson1_0
service Gw {
    version: "2024-01-01"
    operations: [Put]
}

operation Put {
    input := {
        color: Color
        level: Level
    }
}

/// Colours, by name.
enum Color {
    RED
    /// A green one.
    GREEN = "green"
}

intEnum Level {
    LOW = 1
    HIGH = 10
}

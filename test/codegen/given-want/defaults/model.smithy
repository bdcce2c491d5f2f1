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
        size: Integer = 3
        name: String = "none"
        flag: Boolean = false
        tags: Tags = []
        color: Color = "red"
    }
}

list Tags {
    member: String
}

enum Color {
    RED = "red"
    BLUE = "blue"
}

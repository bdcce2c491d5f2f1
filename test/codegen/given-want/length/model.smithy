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
        name: Name
        tags: Tags
    }
}

@length(min: 1, max: 8)
string Name

@length(max: 3)
list Tags {
    member: String
}

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
        choice: Choice
    }
}

/// One of several.
union Choice {
    text: String
    number: Integer
    nested: Inner
}

structure Inner {
    a: String
}

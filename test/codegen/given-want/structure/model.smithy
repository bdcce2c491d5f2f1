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
        @required
        name: String
        count: Integer
        nested: Nested
    }
    output := {}
}

/// A structure inside another.
structure Nested {
    @required
    flag: Boolean
    note: String
}

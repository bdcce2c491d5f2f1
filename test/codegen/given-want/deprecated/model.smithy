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
        @deprecated(message: "use name", since: "2024")
        oldName: String
        name: String
        legacy: Legacy
    }
}

@deprecated
structure Legacy {
    a: String
}

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
        names: SparseNames
        counts: SparseCounts
    }
}

@sparse
list SparseNames {
    member: String
}

@sparse
map SparseCounts {
    key: String
    value: Integer
}

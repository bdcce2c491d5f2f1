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
        size: Size
        ratio: Ratio
    }
}

@range(min: 1, max: 100)
integer Size

@range(min: 0)
double Ratio

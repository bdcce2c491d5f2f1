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
        blob: Blob
        boolean: Boolean
        string: String
        byte: Byte
        short: Short
        integer: Integer
        long: Long
        float: Float
        double: Double
        bigInteger: BigInteger
        bigDecimal: BigDecimal
        timestamp: Timestamp
        document: Document
    }
}

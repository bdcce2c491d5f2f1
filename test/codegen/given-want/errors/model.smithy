$version: "2.0"

namespace example.gw

use aws.protocols#awsJson1_0

@awsJson1_0
service Gw {
    version: "2024-01-01"
    operations: [Put]
}

operation Put {
    input := {}
    errors: [NotFound, Throttled]
}

/// The thing is not there.
@error("client")
structure NotFound {
    @required
    message: String
    resource: String
}

@error("server")
@retryable(throttling: true)
structure Throttled {
    message: String
}

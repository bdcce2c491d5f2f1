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
        /// Ends a comment early: */ and starts one: /* and an at sign: @param x.
        note: String
        doc: Doc
    }
}

/// <p>HTML <b>markup</b>, a backslash \\ and a backtick ` and `code`.</p>
structure Doc {
    a: String
}

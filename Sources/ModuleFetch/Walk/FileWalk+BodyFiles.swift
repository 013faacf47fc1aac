extension FileWalk {
    /// Forgets the downloaded files its requests hold (`TransportResponse.bodyFile`): a report
    /// over hundreds of modules must not keep a descriptor and up to 500 MiB of disk per zip.
    mutating func dropBodyFiles() {
        for index in attempts.indices {
            attempts[index].request?.bodyFile = nil
            attempts[index].fallbackRequest?.bodyFile = nil
        }
    }
}

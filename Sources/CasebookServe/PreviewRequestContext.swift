import Hummingbird
import NIOCore

/// The context of one request to the preview: Hummingbird's basic one plus the address of the
/// computer that sent it, which the editor needs to answer only this computer (loopback).
struct PreviewRequestContext: RequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

package org.autocrm.identity;

import java.net.InetSocketAddress;
import org.springframework.web.server.ServerWebExchange;

/** The address sign-in attempts are counted and audited by. */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The peer's address; behind a proxy, the proxy's (see the gateway README on trusted proxies). */
    public static String of(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}

/** The correspondent gateway: the only door into Newswire. Start reading at {@link io.newswire.gateway.GatewayServer}. */
package io.newswire.gateway;

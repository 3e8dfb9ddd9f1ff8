/** The processing state of reports, for the gateway's status endpoint. */
package io.newswire.gateway.status;

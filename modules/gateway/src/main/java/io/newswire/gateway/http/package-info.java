/** HTTP plumbing of the gateway: problem documents, safe body reading, the report endpoints. */
package io.newswire.gateway.http;

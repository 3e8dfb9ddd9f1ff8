/** The filing client behind `newswire submit`: safe retries with the same report id, and an offline queue. */
package io.newswire.gateway.client;

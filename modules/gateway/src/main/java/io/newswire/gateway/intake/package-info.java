/** From request JSON to a validated, cleaned report draft: parsing, text hygiene, validation, content digest. */
package io.newswire.gateway.intake;

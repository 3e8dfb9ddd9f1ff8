/**
 * Parties and organisations named in a report: an alias table kept as data ({@link io.newswire.enrichment.parties.PartyTable},
 * {@code enrichment/parties/parties.json}, extendable from a file) and the pure core that finds its entries in a
 * report's text ({@link io.newswire.enrichment.parties.PartyMatcher}), giving {@link io.newswire.model.Entity} values
 * with evidence; two rules over {@code enrichment/parties/governments.json} add government bodies at the level
 * written and capitals standing for their governments. Start reading at {@code PartyMatcher}.
 */
package io.newswire.enrichment.parties;

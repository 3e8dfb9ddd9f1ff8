package io.newswire.enrichment.parties;

/**
 * One way of writing a party's name, as the table gives it.
 *
 * @param text          the alias as written in the table (any orthography: the matcher normalises it)
 * @param language      the language it is written in ("ar", "en", "ku", "fr"), or "" when the table does not say
 * @param caseSensitive the text must carry the table's capitals ("IS" is the group, "is" a verb)
 * @param commonWord    the alias is also an ordinary word or a title shared across countries ("التنظيم", "حماس",
 *                      "civil defence"): a mention through it is flagged ambiguous
 */
public record PartyAlias(String text, String language, boolean caseSensitive, boolean commonWord) {
}

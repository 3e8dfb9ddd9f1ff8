package io.newswire.enrichment.parties;

import java.util.List;
import java.util.Map;

/**
 * One party or organisation of the table.
 *
 * @param id      stable id: a Wikidata QID ("Q2429253") where one was checked, else "newswire:..."
 * @param type    armed-group, military, security, government, local-government, legislature, court, party, coalition,
 *                agency, ngo, intergovernmental, company, media
 * @param names   wire-style name by language ("en" always present)
 * @param aliases every way of writing it, names included; never empty
 */
public record PartyEntry(String id, String type, Map<String, String> names, List<PartyAlias> aliases) {

    public PartyEntry {
        names = Map.copyOf(names);
        aliases = List.copyOf(aliases);
        if (!names.containsKey("en")) {
            throw new IllegalArgumentException("Party " + id + " has no English name");
        }
    }

    /** The name in the report's language (primary subtag of a BCP 47 tag), else the English one. */
    public String name(final String language) {
        if (language != null) {
            final int dash = language.indexOf('-');
            final String primary = (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
            final String name = names.get(primary);
            if (name != null) {
                return name;
            }
        }
        return names.get("en");
    }
}

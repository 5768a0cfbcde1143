package io.dossier.search.query;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;

/**
 * The Elasticsearch query the search service runs for each query of a list, one JSON object a line: what
 * {@code bench/search} sends to Elasticsearch directly, so the baseline is the same search (the words' stems and
 * forms, no aliases, no collection filter). Reads "query\t…" lines on standard input; run from the packaged service:
 * {@code java -cp 'search-service/target/quarkus-app/app/*:search-service/target/quarkus-app/lib/main/*'
 * io.dossier.search.query.QueryBodies}.
 */
public final class QueryBodies {

    private QueryBodies() {
    }

    public static void main(String[] args) throws Exception {
        JacksonJsonpMapper mapper = new JacksonJsonpMapper();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String typed = line.split("\t", 2)[0];
                ParsedQuery parsed = QuerySyntax.parse(typed, false);
                Query query = DocumentQuery.forLive(parsed.tree(), DocumentQuery.Fields.ANALYSED, false, List.of());
                out.println(query == null ? "{\"match_none\":{}}" : JsonpUtils.toJsonString(query, mapper));
            }
        }
    }
}

package io.dossier.search.indexing;

import java.io.IOException;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.search.SearchConfig;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;

/**
 * How far each feed has been indexed, kept in Elasticsearch beside the indexes it describes: a restart resumes from
 * there, and an index rebuilt from scratch starts again from 0 with its own checkpoint.
 */
@ApplicationScoped
public class Checkpoints {

    private final ElasticsearchClient client;
    private final String index;

    public Checkpoints(ElasticsearchClient client, SearchConfig config) {
        this.client = client;
        this.index = config.indexPrefix() + "-checkpoints";
    }

    @SuppressWarnings("rawtypes")
    public long get(String feed) throws IOException {
        try {
            GetResponse<Map> found = client.get(g -> g.index(index).id(feed), Map.class);
            if (!found.found() || found.source() == null) {
                return 0;
            }
            return ((Number) found.source().get("seq")).longValue();
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() == 404) {
                return 0;
            }
            throw e;
        }
    }

    /** Forgets a checkpoint (of an index that is gone). */
    public void delete(String feed) throws IOException {
        try {
            client.delete(d -> d.index(index).id(feed));
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
    }

    public void put(String feed, long seq) throws IOException {
        // A get by id is real-time in Elasticsearch: no refresh needed to read it back.
        client.index(i -> i.index(index).id(feed).document(Map.of("seq", seq)));
    }
}

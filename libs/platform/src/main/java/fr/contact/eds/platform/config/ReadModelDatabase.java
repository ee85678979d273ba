package fr.contact.eds.platform.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's own read-model database, the one unqualified {@link MongoDatabase} of every service: read models
 * take it rather than a client and a name, so none can open another service's database by mistake.
 */
public class ReadModelDatabase {

    @Produces
    @Singleton
    MongoDatabase readModel(MongoClient mongo, PlatformConfig config) {
        return mongo.getDatabase(config.readModel().database());
    }
}

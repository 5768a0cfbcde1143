-- dossier_sources is created by POSTGRES_DB; the entities registry, the search service's watches and Keycloak get theirs
-- here (first start only)
CREATE DATABASE dossier_entities;
CREATE DATABASE dossier_search;
CREATE DATABASE keycloak;

-- dossier_sources is created by POSTGRES_DB; the entities registry and Keycloak get theirs here (first start only)
CREATE DATABASE dossier_entities;
CREATE DATABASE keycloak;

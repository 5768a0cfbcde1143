package io.dossier.entities.registry;

import java.util.List;

/**
 * Finds the entities of the registry that an entity may be a twin of (the same actor entered twice: OFAC's KATA'IB
 * HIZBALLAH beside a registry's Kataib Hezbollah). Implemented by the name directory, which holds every name in
 * memory; declared here so that the registry does not depend on it.
 */
public interface TwinFinder {

    /** Entities of the same type, other than this one, with a name matching one of its names closely, best first. */
    List<PossibleDuplicate> twinsOf(EntityDto entity);
}

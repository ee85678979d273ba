package fr.contact.eds.platform.axon;

import java.util.Set;

/**
 * Processors a service deliberately keeps out of its read paths for now: a read model's next generation while it is
 * rebuilt, or the slot that waits for the next rebuild. Readiness reports them but does not go down for their lag or
 * their being stopped; the read paths they will serve are checked once they serve. Declare one as a CDI bean.
 */
public interface StandbyProcessors {

    /** The processors on standby now, asked once per readiness check. */
    Set<String> onStandby();
}

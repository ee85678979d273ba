package fr.contact.eds.audit.trail;

/**
 * Hashes of the perfect subtrees of the log: level 0 holds the leaf hashes, the subtree {@code (level, index)} covers
 * leaves {@code [index * 2^level, (index + 1) * 2^level)}.
 */
@FunctionalInterface
public interface Subtrees {

    byte[] hash(int level, long index);
}

package io.ransomtrace.importers.auditd;

/**
 * One PATH record of a syscall event.
 *
 * @param item     the item number (PATH records can arrive in any order; renames are read by item order)
 * @param name     the path as the process gave it, resolved against the event's working directory
 * @param nametype NORMAL, CREATE, DELETE, PARENT, UNKNOWN (older kernels call the field objtype), or null
 * @param inode    inode number, or -1
 * @param mode     file type and permission bits, or -1
 */
record PathItem(int item, String name, String nametype, long inode, int mode) {

    boolean is(String type) {
        return type.equals(nametype);
    }

    boolean isParent() {
        return "PARENT".equals(nametype);
    }
}

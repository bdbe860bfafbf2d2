package org.pipelinecrm.shared;

/** A record that does not exist — or exists in another workspace, which must look the same. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}

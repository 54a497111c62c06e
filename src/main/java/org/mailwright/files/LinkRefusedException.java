package org.mailwright.files;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/** A file was not written because it, or its folder, is a symbolic link: it could lead anywhere. */
public final class LinkRefusedException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    private final transient Path link;

    public LinkRefusedException(Path link) {
        super(link.toString(), null, "is a symbolic link");
        this.link = link;
    }

    /** The link: the file itself or its folder. */
    public Path link() {
        return link;
    }
}

package org.gongjian.activity;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No activity has this number. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ActivityNotFoundException extends RuntimeException {

    public ActivityNotFoundException(long id) {
        super("没有编号为 " + id + " 的活动 (no such activity)");
    }
}

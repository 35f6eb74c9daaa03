package org.gongjian.system;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine's failures that a person must be told in a sentence, each with its own exception
 * code (Camunda keeps 20000–39999 for applications) and the HTTP status it is answered with.
 */
final class EngineErrors {

    static final int TASK_COMPLETED_ELSEWHERE = 20409;
    static final int CHANGED_AT_THE_SAME_MOMENT = 20410;
    static final int NO_SUCH_TASK = 20404;
    /** A form check's refusal ({@link FormFields#invalid}): 400 with the check's own sentence. */
    static final int INVALID_SUBMISSION = 20400;

    record Answer(int status, String type, String message) {}

    static final Map<Integer, Answer> ANSWERS = Map.of(
            TASK_COMPLETED_ELSEWHERE, new Answer(409, "Conflict",
                    "此任务刚刚已由他人完成，您的提交没有保存 (this task was completed by someone else a moment ago; your submission was not saved)"),
            CHANGED_AT_THE_SAME_MOMENT, new Answer(409, "Conflict",
                    "此任务正在被他人或系统同时处理，请刷新后重试 (this task was changed by someone else at the same moment; reload it and try again)"),
            NO_SUCH_TASK, new Answer(404, "NotFound", "没有这个任务 (there is no such task)"));

    private EngineErrors() {
    }

    static ProcessEngineException taskCompletedElsewhere(Throwable cause) {
        return error(TASK_COMPLETED_ELSEWHERE, cause);
    }

    static ProcessEngineException changedAtTheSameMoment(Throwable cause) {
        return error(CHANGED_AT_THE_SAME_MOMENT, cause);
    }

    static ProcessEngineException noSuchTask(Throwable cause) {
        return error(NO_SUCH_TASK, cause);
    }

    private static ProcessEngineException error(int code, Throwable cause) {
        ProcessEngineException error = new ProcessEngineException(ANSWERS.get(code).message(), cause);
        error.setCode(code);
        return error;
    }
}

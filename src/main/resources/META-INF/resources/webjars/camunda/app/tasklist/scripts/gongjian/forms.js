/*
 * What Gongjian's embedded task forms (forms/*.html) share: reading the task's variables for
 * display without sending them back, dates between the picker and the process, and submitting
 * a list of rows as one JSON variable. Loaded once by config.js (customScripts); a form calls
 * window.gongjianForms.
 */
const forms = {
  /**
   * Fetches the named variables and puts their values on the form's scope. Each is then dropped
   * from what the form submits: the process only accepts the form's own fields, which the form
   * creates itself when it is submitted.
   */
  read(camForm, $scope, names, then) {
    const variables = camForm.variableManager;
    camForm.on('form-loaded', () => names.forEach((name) => variables.fetchVariable(name)));
    camForm.on('variables-fetched', () => {
      names.forEach((name) => {
        $scope[name] = variables.variableValue(name);
        if (variables.variable(name)) {
          variables.destroyVariable(name);
        }
      });
      if (then) {
        then();
      }
    });
  },

  /** A yyyy-mm-dd text as the Date a date input's model holds (local midnight), or null. */
  day(text) {
    const parts = /^(\d{4})-(\d{2})-(\d{2})/.exec(text || '');
    return parts ? new Date(+parts[1], parts[2] - 1, +parts[3]) : null;
  },

  /** A date input's Date as yyyy-mm-dd, or '' when none was picked. */
  text(date) {
    if (!(date instanceof Date) || isNaN(date.getTime())) {
      return '';
    }
    const two = (n) => String(n).padStart(2, '0');
    return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate());
  },

  /** The rows as a JSON list, with each column passed through its converter where one is given. */
  submitRows(camForm, name, rows, converters) {
    const list = rows.map((row) => {
      const out = {};
      Object.keys(row).filter((column) => !column.startsWith('$')).forEach((column) => {
        const convert = converters && converters[column];
        const value = convert ? convert(row[column]) : row[column];
        out[column] = value === undefined || value === null ? '' : value;
      });
      return out;
    });
    put(camForm, {name, type: 'Json', value: list});
  },

  /** A plain JSON list (of ids, say), submitted as it is. */
  submitList(camForm, name, values) {
    put(camForm, {name, type: 'Json', value: values});
  },

  /**
   * Files as File variables prefix1, prefix2, … (base64 content, file name and type), up to max:
   * the names an earlier, refused submission used and this one does not are dropped. Each file is
   * {fileName, mimeType, base64}. Transient: the process keeps the file where it belongs, not
   * as a variable.
   */
  submitFiles(camForm, prefix, max, files) {
    for (let i = 1; i <= max; i++) {
      const variable = camForm.variableManager.variable(prefix + i);
      if (variable) {
        camForm.variableManager.destroyVariable(prefix + i);
      }
    }
    files.slice(0, max).forEach((file, i) => put(camForm, {
      name: prefix + (i + 1),
      type: 'File',
      value: file.base64,
      valueInfo: {filename: file.fileName, mimeType: file.mimeType, transient: true}
    }));
  },

  /** A single value, submitted as text; the process checks and converts it. */
  submitText(camForm, name, value) {
    put(camForm, {name, type: 'String', value: value === undefined || value === null ? '' : String(value)});
  }
};

/** Creates the variable, replacing what an earlier, refused submission left. */
function put(camForm, variable) {
  if (camForm.variableManager.variable(variable.name)) {
    camForm.variableManager.destroyVariable(variable.name);
  }
  camForm.variableManager.createVariable(variable);
}

window.gongjianForms = forms;
export default [];

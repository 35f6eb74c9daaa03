/**
 * The application's frame: security, the landing page, languages, the administrator check
 * and the demo clock.
 */
package org.gongjian.system;

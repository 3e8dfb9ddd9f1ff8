/** Start-up and shut-down shared by the applications: {@link io.newswire.runtime.lifecycle.Resources}. */
package io.newswire.runtime.lifecycle;

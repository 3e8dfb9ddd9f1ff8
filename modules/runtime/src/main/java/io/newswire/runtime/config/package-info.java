/** Newswire's settings: one declaration of every key, with type, default and documentation. */
package io.newswire.runtime.config;

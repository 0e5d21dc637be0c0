/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The state, written to disk a moment after it last changed (see cab-autosave.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "cab-autosave.h"

struct _CabAutosave
{
  GObject   parent_instance;

  CabState *state;
  char     *path;
  guint     timeout_id;   /* the pending write, or 0 */
};

G_DEFINE_FINAL_TYPE (CabAutosave, cab_autosave, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PATH,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
write_now (CabAutosave  *self,
           GError      **error)
{
  g_autofree char *folder = g_path_get_dirname (self->path);

  /* The folder is private: the document carries the integration's client secret. */
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return cab_state_save_file (self->state, self->path, error);
}

static gboolean
on_timeout (gpointer user_data)
{
  CabAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  if (!write_now (self, &error))
    {
      /* Only the reason is reported, never the document: it holds a secret. */
      if (g_signal_has_handler_pending (self, signals[FAILED], 0, FALSE))
        g_signal_emit (self, signals[FAILED], 0, error);
      else
        g_warning ("Autosave failed: %s", error->message);
    }

  return G_SOURCE_REMOVE;
}

/* Every change restarts the wait, so a burst of edits (typing a name) costs one write. */
static void
on_state_changed (CabAutosave *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (CAB_AUTOSAVE_DELAY_MS, on_timeout, self);
  g_source_set_name_by_id (self->timeout_id, "[cabinet-inspector] autosave");
}

static void
cab_autosave_constructed (GObject *object)
{
  CabAutosave *self = CAB_AUTOSAVE (object);

  G_OBJECT_CLASS (cab_autosave_parent_class)->constructed (object);

  g_return_if_fail (CAB_IS_STATE (self->state));
  g_return_if_fail (self->path != NULL);

  g_signal_connect_object (self->state, "changed", G_CALLBACK (on_state_changed), self, G_CONNECT_SWAPPED);
}

static void
cab_autosave_dispose (GObject *object)
{
  CabAutosave *self = CAB_AUTOSAVE (object);

  /* Whoever drops the last reference without flushing still gets the last edit saved. */
  if (self->timeout_id != 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      on_timeout (self);
    }

  g_clear_object (&self->state);

  G_OBJECT_CLASS (cab_autosave_parent_class)->dispose (object);
}

static void
cab_autosave_finalize (GObject *object)
{
  CabAutosave *self = CAB_AUTOSAVE (object);

  g_free (self->path);

  G_OBJECT_CLASS (cab_autosave_parent_class)->finalize (object);
}

static void
cab_autosave_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CabAutosave *self = CAB_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_object (value, self->state);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_autosave_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CabAutosave *self = CAB_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      self->state = g_value_dup_object (value);
      break;

    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cab_autosave_class_init (CabAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cab_autosave_constructed;
  object_class->dispose = cab_autosave_dispose;
  object_class->finalize = cab_autosave_finalize;
  object_class->get_property = cab_autosave_get_property;
  object_class->set_property = cab_autosave_set_property;

  properties[PROP_STATE] =
    g_param_spec_object ("state", NULL, NULL,
                         CAB_TYPE_STATE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CabAutosave::failed:
   * @error: why the scheduled write failed (a disk full, a folder that cannot be made)
   *
   * Lets the window tell the user that their state is no longer being kept. Without a
   * handler the reason goes to the log.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
cab_autosave_init (CabAutosave *self)
{
}

CabAutosave *
cab_autosave_new (CabState   *state,
                  const char *path)
{
  g_return_val_if_fail (CAB_IS_STATE (state), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (CAB_TYPE_AUTOSAVE, "state", state, "path", path, NULL);
}



gboolean
cab_autosave_is_pending (CabAutosave *self)
{
  g_return_val_if_fail (CAB_IS_AUTOSAVE (self), FALSE);

  return self->timeout_id != 0;
}

gboolean
cab_autosave_flush (CabAutosave  *self,
                    GError      **error)
{
  g_return_val_if_fail (CAB_IS_AUTOSAVE (self), FALSE);

  if (self->timeout_id == 0)
    return TRUE;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  return write_now (self, error);
}

"""ui: the Gradio web app and HTTP API; presents Answers only."""

"""The public page: the chat (with follow-ups, examples, copy-with-source) and the table browser."""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

import gradio as gr

from assistant.conversation import Conversation
from assistant.document_choice import ordered, short_department
from ui.copy_text import conversation_text
from ui.render import Turn, example_questions, render_transcript, render_welcome
from ui.shared_library import MAX_QUESTION_CHARS, SharedLibrary, document_label, user_message
from ui.tables_view import render_table_page, table_choices

ALL_DOCUMENTS = "__all__"   # picker value for "every loaded disclosure"

# After an answer arrives, bring its question into view (the transcript grows downwards).
SCROLL_TO_LAST_TURN = ("() => { const turns = document.querySelectorAll('#transcript .turn');"
                       " if (turns.length) turns[turns.length - 1].scrollIntoView({block: 'start'}); }")

HEADER = ('<div class="app-header"><h1>部门预算公开问答</h1>'
          '<p>用大白话提问，回答附带出处：表格的行和列，或正文章节。</p></div>')


@dataclass
class ChatSession:
    """One browser tab's conversation (kept in `gr.State`)."""

    doc_id: str | None
    generation: int
    conversation: Conversation
    turns: list[Turn] = field(default_factory=list)


def _doc_id(choice: str | None) -> str | None:
    return None if not choice or choice == ALL_DOCUMENTS else choice


def _intro(shared: SharedLibrary, doc_id: str | None) -> str:
    infos = shared.documents()
    chosen = [info for info in infos if info.doc_id == doc_id] or (infos if len(infos) == 1 else [])
    if chosen:
        return document_label(chosen[0])
    return f"全部已载入的 {len(infos)} 份公开文件" if infos else ""


def _session(shared: SharedLibrary, session: ChatSession | None, doc_id: str | None) -> ChatSession:
    """The tab's session, new when none yet, the document changed or the library was reloaded."""
    if session is None or session.doc_id != doc_id or session.generation != shared.generation:
        kept = session.turns if session is not None and session.doc_id == doc_id else []
        return ChatSession(doc_id, shared.generation, shared.conversation(doc_id), list(kept))
    return session


def ask(shared: SharedLibrary, question: str, session: ChatSession | None, choice: str | None):
    """Ask the next question of the tab's conversation; returns the chat's new outputs."""
    doc_id = _doc_id(choice)
    question = (question or "").strip()
    if not question:
        gr.Warning("请输入问题。")
        return gr.update(), session, gr.update(), gr.update(), gr.update()
    if len(question) > MAX_QUESTION_CHARS:
        gr.Warning(f"问题太长了（{len(question)} 字），请控制在 {MAX_QUESTION_CHARS} 字以内。")
        return gr.update(), session, gr.update(), gr.update(), gr.update()
    try:
        session = _session(shared, session, doc_id)
    except Exception as error:  # noqa: BLE001 - the page shows a message, never a traceback
        gr.Warning(escape(user_message(error)))  # toasts render HTML
        return gr.update(), session, gr.update(), gr.update(), gr.update()
    try:
        answer = shared.ask(session.conversation, question)
    except Exception as error:  # noqa: BLE001
        session.turns.append(Turn(question, None, user_message(error)))
    else:
        session.turns.append(Turn(question, answer))
    html = render_transcript(session.turns, shared.document, _intro(shared, doc_id))
    # The whole conversation: a follow-up ("其中公务接待费呢？") means little quoted alone.
    copy_text = conversation_text(session.turns, shared.documents())
    return html, session, copy_text, "", gr.update(visible=False)


def reset(shared: SharedLibrary, choice: str | None):
    """A fresh conversation (new chat button, or another document picked)."""
    doc_id = _doc_id(choice)
    return render_welcome(_intro(shared, doc_id)), None, "", gr.update(visible=True)


def refresh_documents(shared: SharedLibrary, choice: str | None):
    """On page load: the document pickers (the chat's only shown with several documents)."""
    infos = shared.documents()
    choices = [(document_label(info), info.doc_id) for info in infos]
    chat_value = choice if choice in {c[1] for c in choices} else ALL_DOCUMENTS
    chat_picker = gr.update(choices=[("全部公开文件", ALL_DOCUMENTS), *choices], value=chat_value,
                            visible=len(infos) > 1)
    first = choices[0][1] if choices else None
    table_doc = gr.update(choices=choices, value=first, visible=len(infos) > 1)
    tables, page = show_tables(shared, first)
    return chat_picker, table_doc, tables, page, render_welcome(_intro(shared, _doc_id(chat_value)))


def show_tables(shared: SharedLibrary, doc_id: str | None):
    """The table picker and first table of a document."""
    document = shared.document(doc_id) if doc_id else None
    choices = table_choices(document) if document else []
    first = choices[0][1] if choices else None
    return gr.update(choices=choices, value=first), render_table_page(document, first)


def build_public_app(shared: SharedLibrary) -> gr.Blocks:
    """The page the public sees: chat and table browser."""
    with gr.Blocks(title="部门预算公开问答", analytics_enabled=False) as app:
        session = gr.State(None)
        gr.HTML(HEADER)
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                doc_picker = gr.Dropdown(label="选择公开文件（部门、年度）",
                                         choices=[("全部公开文件", ALL_DOCUMENTS)], value=ALL_DOCUMENTS,
                                         visible=False, elem_id="doc-picker")
                chat = _chat_tab(shared, session, doc_picker)
            with gr.Tab("表格浏览", id="tables"):
                table_doc, table_picker, table_html = _tables_tab(shared)
        app.load(lambda choice: refresh_documents(shared, choice), inputs=[doc_picker],
                 outputs=[doc_picker, table_doc, table_picker, table_html, chat["transcript"]])
    return app


def _chat_tab(shared: SharedLibrary, session: gr.State, doc_picker: gr.Dropdown) -> dict:
    transcript = gr.HTML(render_welcome(), elem_id="transcript")
    with gr.Row(elem_id="examples") as examples:
        documents = tuple(shared.documents())
        departments = [short_department(d, documents) for d in ordered(documents)]
        example_buttons = [gr.Button(q, size="sm", elem_classes=["example"], min_width=120)
                           for q in example_questions(departments)]
    with gr.Row(elem_id="ask-row", equal_height=True):
        question = gr.Textbox(show_label=False, placeholder="请输入问题，例如：公车有几辆？",
                              max_length=MAX_QUESTION_CHARS, scale=6, elem_id="question", container=False)
        ask_button = gr.Button("提问", variant="primary", scale=1, min_width=72, elem_id="ask")
    with gr.Accordion("复制答案及出处", open=False, elem_id="copy-panel"):
        # Gradio shows the copy button only on a labelled textbox.
        copy_box = gr.Textbox(label="本次对话的问答、出处和公开文件名称", lines=6, interactive=False,
                              buttons=["copy"], placeholder="提问后，这里是可直接引用的答案和出处。",
                              elem_id="copy-text")
    new_chat = gr.Button("新对话", size="sm", elem_id="new-chat")

    outputs = [transcript, session, copy_box, question, examples]
    handler = lambda q, s, c: ask(shared, q, s, c)  # noqa: E731 - bound to this app's library
    events = [question.submit(handler, [question, session, doc_picker], outputs),
              ask_button.click(handler, [question, session, doc_picker], outputs)]
    events += [button.click(handler, [button, session, doc_picker], outputs) for button in example_buttons]
    for event in events:
        event.then(None, js=SCROLL_TO_LAST_TURN)
    restart = lambda c: reset(shared, c)  # noqa: E731
    new_chat.click(restart, [doc_picker], [transcript, session, copy_box, examples])
    doc_picker.change(restart, [doc_picker], [transcript, session, copy_box, examples])
    return {"transcript": transcript}


def _tables_tab(shared: SharedLibrary):
    table_doc = gr.Dropdown(label="公开文件", visible=False, elem_id="table-doc")
    table_picker = gr.Dropdown(label="表格", elem_id="table-picker")
    table_html = gr.HTML(elem_id="table-view")
    table_doc.change(lambda d: show_tables(shared, d), [table_doc], [table_picker, table_html])
    table_picker.change(lambda key, d: render_table_page(shared.document(d) if d else None, key),
                        [table_picker, table_doc], [table_html])
    return table_doc, table_picker, table_html

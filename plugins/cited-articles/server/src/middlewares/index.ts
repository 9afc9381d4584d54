// No middlewares registered by name. The plugin's global ones (body-limit, which lingering-close
// serves) are added in register.ts; the comment writes' admission is given to its routes as a
// function (comment-admission.ts).
export default {};
